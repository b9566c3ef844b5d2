package cn.zhengai.org;

import cn.zhengai.spiral.Subject;
import org.springframework.stereotype.Component;

/**
 * Who owns a cycle's subject, and the next body up, which reviews the owners' own work so that nobody reviews
 * themselves: a unit (学校层面) is owned by its heads and answers to 质管办, and 质管办 to the QA leading group; a
 * major (专业层面) is owned by its leaders and answers to its 二级学院's 质量保证工作组 (led by the 二级学院's heads).
 */
@Component
public class SubjectOwners {

  private final Majors majors;

  SubjectOwners(Majors majors) {
    this.majors = majors;
  }

  /** The candidate group of the subject's own tasks. */
  public String ownerGroupOf(Subject subject) {
    return switch (subject.level()) {
      case SCHOOL -> OrgGroups.headsOf(subject.id());
      case MAJOR -> OrgGroups.majorLeadersOf(subject.id());
      default -> throw notYet(subject);
    };
  }

  /** The body above the subject's owners. */
  public String nextBodyUpOf(Subject subject) {
    return switch (subject.level()) {
      case SCHOOL -> OrgGroups.QA_OFFICE.equals(subject.id()) ? OrgGroups.LEADING_GROUP : OrgGroups.QA_OFFICE;
      case MAJOR -> OrgGroups.workingGroupOf(majors.findByCode(subject.id())
          .orElseThrow(() -> new IllegalArgumentException("没有专业代码为 " + subject.id() + " 的专业")).major().unit());
      default -> throw notYet(subject);
    };
  }

  private static IllegalArgumentException notYet(Subject subject) {
    return new IllegalArgumentException(subject.level().label() + "层面尚未确定诊改对象的负责组：" + subject.id());
  }
}
