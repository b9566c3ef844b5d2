package cn.zhengai.cycle;

import cn.zhengai.monitoring.CorrectionVerifiers;
import cn.zhengai.org.OrgGroups;
import cn.zhengai.org.SubjectOwners;
import cn.zhengai.spiral.Subject;
import org.springframework.stereotype.Component;

/**
 * Who reviews a school unit, with the one rule that nobody reviews themselves: the unit's work is reviewed by the
 * body above it ({@link SubjectOwners#nextBodyUpOf}: 质管办, and for 质管办 itself the QA leading group, which the
 * seed charges with assessing every department's performance and quality; 院办 is a peer department). So 质管办's own
 * diagnosis, improvement plan and monthly corrections go to the leading group, and so does 人事处's own performance
 * result.
 */
@Component
class ReviewingBodies implements CorrectionVerifiers {

  private final SubjectOwners owners;

  ReviewingBodies(SubjectOwners owners) {
    this.owners = owners;
  }

  /** The candidate groups of a unit's year-end steps. */
  record Bodies(String diagnosis, String performance, String improvementApproval) {}

  Bodies of(Subject unit) {
    String above = owners.nextBodyUpOf(unit);
    String performance = OrgGroups.PERSONNEL.equals(unit.id()) ? OrgGroups.LEADING_GROUP : OrgGroups.PERSONNEL;
    return new Bodies(above, performance, above);
  }

  @Override
  public String of(String unitId) {
    return owners.nextBodyUpOf(Subject.unit(unitId));
  }
}
