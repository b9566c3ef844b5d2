package cn.zhengai.major;

import static cn.zhengai.processes.MajorAnnualDiagnosisProcess.Variables.ATTAINMENT_SUMMARY;
import static cn.zhengai.processes.MajorAnnualDiagnosisProcess.Variables.MAJOR;
import static cn.zhengai.processes.MajorAnnualDiagnosisProcess.Variables.YEAR;

import cn.zhengai.calendar.CollegeTime;
import cn.zhengai.deployment.ModelBean;
import cn.zhengai.planning.YearData;
import cn.zhengai.planning.YearData.YearTarget;
import cn.zhengai.processes.MajorAnnualDiagnosisProcess;
import cn.zhengai.spiral.Period;
import cn.zhengai.spiral.Review.Attainment;
import cn.zhengai.spiral.ReviewStore;
import cn.zhengai.spiral.Subject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Measures the major's targets of the year (目标指标 rows with the major's code) before the 专业负责人 diagnoses:
 * each 达成, 预警 or 未达成 by its current value, kept with the major's review of the year.
 */
@ModelBean("按数据测算专业本年度目标（目标指标中所属专业为本专业的行）的达成情况并保存，供专业自我诊断")
@Component(MajorAnnualDiagnosisProcess.Beans.MEASURE_MAJOR)
class MeasureMajorDelegate implements JavaDelegate {

  private final YearData yearData;
  private final ReviewStore reviews;
  private final Clock clock;

  MeasureMajorDelegate(YearData yearData, ReviewStore reviews, Clock clock) {
    this.yearData = yearData;
    this.reviews = reviews;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int year = YEAR.get(execution);
    String major = MAJOR.get(execution);
    List<YearTarget> targets = yearData.targets(year).stream().filter(target -> major.equals(target.majorCode())).toList();
    long met = targets.stream().filter(YearTarget::attained).count();
    LocalDate today = CollegeTime.today(clock);
    StringBuilder summary = new StringBuilder("截至 " + today + "：专业目标 " + targets.size() + " 项，达成 " + met + " 项。");
    if (targets.isEmpty()) {
      summary.append("\n目标指标中没有属于本专业的 ").append(year).append(" 年度目标，请对照专业教学标准自行说明。");
    }
    targets.forEach(target -> summary.append("\n· ").append(target.code()).append(" ").append(target.reading())
        .append(" ").append(target.verdict()));
    reviews.record(Subject.major(major), Period.year(year), new Attainment(targets.size(), (int) met, 0, 0, 0, 0,
        summary.toString(), today), clock.instant());
    ATTAINMENT_SUMMARY.set(execution, summary.toString());
  }
}
