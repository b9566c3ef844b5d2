package cn.zhengai.escalation;

import cn.zhengai.api.Paging;
import cn.zhengai.escalation.EscalationRecords.Escalation;
import cn.zhengai.org.OrgGroups;
import cn.zhengai.security.Access;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "升级记录")
@RestController
@RequestMapping("/api/escalations")
class EscalationController {

  private final EscalationRecords records;

  EscalationController(EscalationRecords records) {
    this.records = records;
  }

  @Operation(summary = "逾期升级记录（问责依据），可按单位筛选；质管办、质量保证领导小组可见")
  @GetMapping
  ResponseEntity<List<Escalation>> all(@RequestParam(required = false) String unit, Paging paging,
      Authentication authentication) {
    Access.requireAnyGroup(authentication, "查看升级记录", OrgGroups.QA_OFFICE, OrgGroups.LEADING_GROUP);
    return paging.answer(records.find(unit, paging.offset(), paging.size()), records.count(unit));
  }
}
