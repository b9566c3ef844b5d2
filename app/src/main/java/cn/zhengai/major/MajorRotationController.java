package cn.zhengai.major;

import cn.zhengai.calendar.CollegeTime;
import cn.zhengai.major.MajorRotation.MajorSlot;
import cn.zhengai.org.OrgUnitRepository;
import cn.zhengai.processes.MajorAssessmentProcess;
import cn.zhengai.security.AppAuthority;
import cn.zhengai.spiral.Period;
import cn.zhengai.spiral.PeriodKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * The rotation of the majors' 考核性诊断, for everyone signed in: each major's year in a three-year period (the
 * current one by default, the next one a year ahead) and how far its assessment has got. Page and API.
 */
@Tag(name = "专业考核性诊断")
@Controller
class MajorRotationController {

  static final String PAGE = "/majors/rotation";

  private final MajorRotation rotation;
  private final OrgUnitRepository units;
  private final HistoryService historyService;
  private final AppAuthority appAuthority;
  private final Clock clock;

  MajorRotationController(MajorRotation rotation, OrgUnitRepository units, @Lazy HistoryService historyService,
      AppAuthority appAuthority, Clock clock) {
    this.rotation = rotation;
    this.units = units;
    this.historyService = historyService;
    this.appAuthority = appAuthority;
    this.clock = clock;
  }

  /** A major's row: its slot and its assessment's state (未安排, 未开始, 进行中, or the conclusion). */
  record Row(String code, String name, String unit, Integer year, String state) {}

  record Rotation(String period, String label, String previous, String next, List<Row> majors) {}

  @Operation(summary = "某个三年周期（如 2025-2027，缺省为当前周期）内各专业考核性诊断的年份与进展")
  @GetMapping("/api/majors/rotation")
  @ResponseBody
  Rotation rotation(@RequestParam(required = false) String period) {
    Period chosen = period == null || period.isBlank() ? rotation.periodOf(CollegeTime.today(clock).getYear()) : parse(period);
    List<Row> rows = rotation.slots(chosen).stream().map(this::row).toList();
    return new Rotation(chosen.code(), chosen.label(), Period.threeYears(chosen.firstYear() - 3).code(),
        Period.threeYears(chosen.firstYear() + 3).code(), rows);
  }

  @GetMapping(PAGE)
  String page(@RequestParam(required = false) String period, Model model) {
    model.addAttribute("rotation", rotation(period));
    return "major-rotation";
  }

  /** A three-year period as written, or the rotation's period it falls in when it is not aligned with the rotation. */
  private Period parse(String code) {
    try {
      Period period = Period.parse(code);
      if (period.kind() == PeriodKind.THREE_YEARS) {
        return rotation.periodOf(period.firstYear());
      }
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
    }
    throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "考核性诊断以三年为一个周期，请写成如 2025-2027 的周期");
  }

  private Row row(MajorSlot slot) {
    String unit = units.findById(slot.major().unit()).map(found -> found.name()).orElse(slot.major().unit());
    Integer year = slot.year().isPresent() ? slot.year().getAsInt() : null;
    return new Row(slot.major().code(), slot.major().name(), unit, year, year == null ? "首届学生尚未毕业，本周期不安排"
        : state(MajorAssessmentProcess.businessKey(slot.period().code(), slot.major().code())));
  }

  private String state(String businessKey) {
    return appAuthority.run(() -> {
      Optional<HistoricProcessInstance> instance = historyService.createHistoricProcessInstanceQuery()
          .processDefinitionKey(MajorAssessmentProcess.KEY).processInstanceBusinessKey(businessKey)
          .orderByProcessInstanceStartTime().desc().listPage(0, 1).stream().findFirst();
      if (instance.isEmpty()) {
        return "未开始";
      }
      if (instance.get().getEndTime() == null) {
        return "进行中";
      }
      HistoricVariableInstance conclusion = historyService.createHistoricVariableInstanceQuery()
          .processInstanceId(instance.get().getId()).variableName(MajorAssessmentProcess.Variables.CONCLUSION.name())
          .singleResult();
      return conclusion == null || conclusion.getValue() == null ? "已结束" : "已完成：" + conclusion.getValue();
    });
  }
}
