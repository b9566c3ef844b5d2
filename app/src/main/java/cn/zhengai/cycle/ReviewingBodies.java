package cn.zhengai.cycle;

import cn.zhengai.monitoring.CorrectionVerifiers;
import cn.zhengai.processes.SchoolAnnualCycleProcess.Groups;
import cn.zhengai.spiral.Subject;
import org.springframework.stereotype.Component;

/**
 * Who reviews a school unit, with the one rule that nobody reviews themselves: a step whose usual body is the
 * reviewed unit goes to the next body up, the QA leading group (质量保证领导小组, which the seed charges with assessing
 * every department's performance and quality; 院办 is a peer department). So 质管办's own diagnosis, improvement plan
 * and monthly corrections go to the leading group, and so does 人事处's own performance result.
 */
@Component
class ReviewingBodies implements CorrectionVerifiers {

  /** The candidate groups of a unit's year-end steps. */
  record Bodies(String diagnosis, String performance, String improvementApproval) {}

  Bodies of(Subject unit) {
    return new Bodies(nextBodyUp(Groups.QA_OFFICE, unit), nextBodyUp(Groups.PERSONNEL, unit), nextBodyUp(Groups.QA_OFFICE, unit));
  }

  @Override
  public String of(String unitId) {
    return nextBodyUp(Groups.QA_OFFICE, Subject.unit(unitId));
  }

  /** The usual body, unless it is the reviewed unit itself. */
  private static String nextBodyUp(String usualBody, Subject unit) {
    return usualBody.equals(unit.id()) ? Groups.LEADING_GROUP : usualBody;
  }
}
