package cn.zhengai.report;

import static cn.zhengai.processes.AnnualQualityReportProcess.Variables.REPORT_DUE_AT;
import static cn.zhengai.processes.AnnualQualityReportProcess.Variables.VERSIONS_BEFORE;
import static cn.zhengai.processes.AnnualQualityReportProcess.Variables.YEAR;

import cn.zhengai.calendar.AcademicCalendar;
import cn.zhengai.calendar.CollegeTime;
import cn.zhengai.calendar.Milestone;
import cn.zhengai.deployment.ModelBean;
import cn.zhengai.processes.AnnualQualityReportProcess;
import cn.zhengai.tasks.FormValueException;
import cn.zhengai.tasks.ProcessRounds;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Opens a year's annual quality report round: one running round per year (business key {@code 2027}), due on the
 * calendar's 质量年报提交审批截止; only versions submitted from now on count for this round.
 */
@ModelBean("启动质量年报编制：每个年度同时只有一轮，编写期限来自校历（质量年报提交审批截止）")
@Component(AnnualQualityReportProcess.Beans.OPEN_REPORT)
class OpenAnnualReportDelegate implements JavaDelegate {

  /** Days a round opened after its calendar date (a late start, a correction) still gets for the writing. */
  static final int LATE_START_DAYS = 14;

  private final ProcessRounds rounds;
  private final AcademicCalendar calendar;
  private final PublishedReports versions;
  private final Clock clock;

  OpenAnnualReportDelegate(ProcessRounds rounds, AcademicCalendar calendar, PublishedReports versions, Clock clock) {
    this.rounds = rounds;
    this.calendar = calendar;
    this.versions = versions;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Integer year = YEAR.find(execution).orElseThrow(() -> new FormValueException(List.of("请填写年度")));
    if (year < 2000 || year > 2200) {
      throw new FormValueException(List.of("年度 " + year + " 无效"));
    }
    String key = AnnualQualityReportProcess.businessKey(year);
    rounds.claim(AnnualQualityReportProcess.KEY, key, execution.getProcessInstanceId(),
        year + " 年度质量年报编制已在进行中，不能重复启动");
    execution.setProcessBusinessKey(key);
    LocalDate planned = calendar.dateOf(year, Milestone.ANNUAL_REPORT_DUE);
    LocalDate earliest = CollegeTime.today(clock).plusDays(LATE_START_DAYS);
    REPORT_DUE_AT.set(execution, CollegeTime.endOfDay(planned.isBefore(earliest) ? earliest : planned));
    VERSIONS_BEFORE.set(execution, (int) versions.lastId());
  }
}
