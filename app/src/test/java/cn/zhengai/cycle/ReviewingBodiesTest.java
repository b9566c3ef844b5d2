package cn.zhengai.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhengai.cycle.ReviewingBodies.Bodies;
import cn.zhengai.processes.SchoolAnnualCycleProcess.Groups;
import cn.zhengai.spiral.Subject;
import org.junit.jupiter.api.Test;

/** The one rule of who reviews a unit: the usual body, or the leading group where that body is the unit itself. */
class ReviewingBodiesTest {

  private final ReviewingBodies bodies = new ReviewingBodies();

  @Test
  void aUnitIsReviewedByTheQaOfficeAndPersonnel() {
    assertThat(bodies.of(Subject.unit("jwc"))).isEqualTo(new Bodies(Groups.QA_OFFICE, Groups.PERSONNEL, Groups.QA_OFFICE));
    assertThat(bodies.of("jwc")).isEqualTo(Groups.QA_OFFICE);
  }

  @Test
  void theQaOfficeAndPersonnelAreReviewedByTheLeadingGroupWhereTheyWouldReviewThemselves() {
    assertThat(bodies.of(Subject.unit("zgb"))).isEqualTo(new Bodies(Groups.LEADING_GROUP, Groups.PERSONNEL, Groups.LEADING_GROUP));
    assertThat(bodies.of("zgb")).as("质管办's own corrections").isEqualTo(Groups.LEADING_GROUP);
    assertThat(bodies.of(Subject.unit("rsc"))).isEqualTo(new Bodies(Groups.QA_OFFICE, Groups.LEADING_GROUP, Groups.QA_OFFICE));
  }
}
