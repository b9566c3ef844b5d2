package cn.zhengai.cycle;

import static cn.zhengai.processes.SchoolAnnualCycleProcess.Elements.*;

import cn.zhengai.deployment.ModelBean;
import cn.zhengai.org.OrgUnitRepository;
import cn.zhengai.org.OrgUnitRepository.OrgUnit;
import cn.zhengai.planning.YearData;
import cn.zhengai.planning.YearData.YearTarget;
import cn.zhengai.processes.SchoolAnnualCycleProcess;
import cn.zhengai.spiral.Level;
import cn.zhengai.spiral.Period;
import cn.zhengai.spiral.Review;
import cn.zhengai.spiral.ReviewStore;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The leading group sees what it approves: on 审定年度目标 the year's targets with their values, on 审定年度考核结果
 * every unit's figures and grades. Written on the task when it opens, so a second review after a return shows the
 * data as it is then.
 */
@ModelBean("在审定任务上列出待审定的内容：年度目标及其目标值、标准值、预警值、当前值；各单位的年度考核结果")
@Component(SchoolAnnualCycleProcess.Beans.DECISION_CONTENT)
class DecisionContentListener implements TaskListener {

  private final YearData yearData;
  private final ReviewStore reviews;
  private final OrgUnitRepository units;

  DecisionContentListener(YearData yearData, ReviewStore reviews, OrgUnitRepository units) {
    this.yearData = yearData;
    this.reviews = reviews;
    this.units = units;
  }

  @Override
  public void notify(DelegateTask task) {
    int year = SchoolAnnualCycleProcess.Variables.YEAR.get(task);
    List<OrgUnit> college = units.findAll();
    String content = switch (task.getTaskDefinitionKey()) {
      case TASK_APPROVE_TARGETS -> targets(year, college);
      case TASK_SIGN_OFF_GRADES -> grades(year, college);
      default -> throw new IllegalStateException(task.getTaskDefinitionKey() + " decides on nothing this listener lists");
    };
    SchoolAnnualCycleProcess.Variables.DECISION_CONTENT.setLocal(task, content);
  }

  private String targets(int year, List<OrgUnit> college) {
    Map<String, String> names = college.stream().collect(Collectors.toMap(OrgUnit::id, OrgUnit::name));
    List<YearTarget> targets = yearData.targets(year);
    return year + " 年度目标 " + targets.size() + " 项：\n" + String.join("\n", targets.stream().map(target -> "· " + target.code() + " "
        + target.name() + "（" + names.getOrDefault(target.ownerUnitId(), target.ownerUnitId()) + "）：目标值 "
        + target.indicator().comparison().symbol() + " " + number(target.indicator().targetValue()) + unit(target)
        + "，标准值 " + number(target.indicator().standardValue()) + "，预警值 " + number(target.indicator().warningValue())
        + "，当前值 " + number(target.currentValue())).toList());
  }

  private String grades(int year, List<OrgUnit> college) {
    Map<String, Review> byUnit = reviews.of(Level.SCHOOL, Period.year(year)).stream()
        .collect(Collectors.toMap(review -> review.subject().id(), Function.identity()));
    return year + " 年度各单位考核结果：\n" + String.join("\n", college.stream().filter(unit -> byUnit.containsKey(unit.id())).map(unit -> {
      Review review = byUnit.get(unit.id());
      return "· " + unit.name() + "：自评 " + (review.selfAssessment() == null ? "—" : review.selfAssessment().selfGrade())
          + "，诊断等级 " + (review.assessment() == null ? "—" : review.assessment().grade())
          + "，绩效 " + (review.performance() == null ? "—" : review.performance().result())
          + (review.attainment() == null ? "" : "；目标 " + review.attainment().targetsMet() + "/" + review.attainment().targetsTotal()
              + " 达成，任务 " + review.attainment().tasksDone() + "/" + review.attainment().tasksTotal() + " 按期，逾期 "
              + review.attainment().tasksOverdue() + " 项");
    }).toList());
  }

  private static String unit(YearTarget target) {
    return target.unitOfMeasure() == null ? "" : target.unitOfMeasure();
  }

  private static String number(BigDecimal value) {
    return value == null ? "—" : value.stripTrailingZeros().toPlainString();
  }
}
