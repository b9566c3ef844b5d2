package cn.zhengai.major;

import cn.zhengai.integration.org.Organisation.Major;
import cn.zhengai.org.Majors;
import cn.zhengai.org.OrgGroups;
import cn.zhengai.org.OrgUnitRepository;
import cn.zhengai.org.SubjectOwners;
import cn.zhengai.processes.MajorVariables;
import cn.zhengai.processes.SharedVariables;
import cn.zhengai.spiral.Subject;
import cn.zhengai.tasks.FormValueException;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Opens a major's scope in either major-level model: the major's name, its owners (the 专业（课程）负责人) and the
 * body above them (its 二级学院's 质量保证工作组, which reviews its work and submits its assessment materials), and the
 * 二级学院 itself with its heads, whom the escalation ladder reminds, all looked up from the subject.
 */
@Component
class MajorScope {

  private final Majors majors;
  private final SubjectOwners owners;
  private final OrgUnitRepository units;

  MajorScope(Majors majors, SubjectOwners owners, OrgUnitRepository units) {
    this.majors = majors;
    this.owners = owners;
    this.units = units;
  }

  /** The major the start form named, or a Chinese refusal of the start. */
  Major open(DelegateExecution execution) {
    String code = MajorVariables.MAJOR.find(execution).map(String::strip).orElse("");
    Major major = majors.findByCode(code).map(Majors.StoredMajor::major)
        .orElseThrow(() -> new FormValueException(List.of(code.isEmpty() ? "请填写专业代码" : "没有专业代码为 " + code + " 的专业")));
    Subject subject = Subject.major(major.code());
    MajorVariables.MAJOR.set(execution, major.code());
    MajorVariables.MAJOR_NAME.set(execution, major.name());
    MajorVariables.OWNER_GROUP.set(execution, owners.ownerGroupOf(subject));
    MajorVariables.WORKING_GROUP.set(execution, owners.nextBodyUpOf(subject));
    SharedVariables.UNIT.set(execution, major.unit());
    SharedVariables.UNIT_NAME.set(execution, units.findById(major.unit()).map(unit -> unit.name()).orElse(major.unit()));
    SharedVariables.UNIT_HEAD_GROUP.set(execution, OrgGroups.headsOf(major.unit()));
    SharedVariables.SUBJECT_NAME.set(execution, major.code() + " " + major.name());
    return major;
  }
}
