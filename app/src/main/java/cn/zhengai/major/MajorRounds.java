package cn.zhengai.major;

import cn.zhengai.calendar.AcademicCalendar;
import cn.zhengai.calendar.CollegeTime;
import cn.zhengai.calendar.DailyWork;
import cn.zhengai.calendar.Milestone;
import cn.zhengai.integration.org.Organisation.Major;
import cn.zhengai.nodes.NodeLock;
import cn.zhengai.org.Majors;
import cn.zhengai.org.Majors.StoredMajor;
import cn.zhengai.processes.MajorAnnualDiagnosisProcess;
import cn.zhengai.processes.MajorAssessmentProcess;
import cn.zhengai.spiral.Period;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens the majors' rounds on their calendar dates: from the day 专业年度自我诊断开始 each major running that year
 * gets its yearly self-diagnosis, from the day 专业考核性诊断开始 each major the rotation places in that year gets its
 * assessment. A round is opened once (one that ran or runs is never opened again), one node at a time.
 */
@Service
public class MajorRounds implements DailyWork {

  private static final Logger LOG = LoggerFactory.getLogger(MajorRounds.class);

  private final Majors majors;
  private final MajorRotation rotation;
  private final AcademicCalendar calendar;
  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final NodeLock nodeLock;
  private final TransactionTemplate transaction;
  private final Clock clock;

  MajorRounds(Majors majors, MajorRotation rotation, AcademicCalendar calendar, @Lazy RuntimeService runtimeService,
      @Lazy HistoryService historyService, NodeLock nodeLock, PlatformTransactionManager transactionManager, Clock clock) {
    this.majors = majors;
    this.rotation = rotation;
    this.calendar = calendar;
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.nodeLock = nodeLock;
    this.transaction = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  @Scheduled(cron = "${zhengai.majors.cron}", zone = "Asia/Shanghai")
  void daily() {
    LOG.info(runOn(CollegeTime.today(clock)));
  }

  @Override
  public String runOn(LocalDate day) {
    Opened opened = open(day);
    return "专业诊改：开启年度自我诊断 " + opened.selfDiagnoses() + " 个，考核性诊断 " + opened.assessments() + " 个";
  }

  /** Opens what is due by the day and not opened before. */
  public Opened open(LocalDate day) {
    return transaction.execute(status -> {
      nodeLock.holdUntilCommit(NodeLock.MAJOR_ROUNDS);
      int year = day.getYear();
      int selfDiagnoses = 0;
      int assessments = 0;
      if (!day.isBefore(calendar.dateOf(year, Milestone.MAJOR_SELF_DIAGNOSIS_OPENS))) {
        for (StoredMajor stored : majors.findAll()) {
          Major major = stored.major();
          String key = MajorAnnualDiagnosisProcess.businessKey(year, major.code());
          if (major.firstYear() <= year && neverOpened(MajorAnnualDiagnosisProcess.KEY, key)) {
            runtimeService.startProcessInstanceByKey(MajorAnnualDiagnosisProcess.KEY, key, Map.of(
                MajorAnnualDiagnosisProcess.Variables.YEAR.name(), year,
                MajorAnnualDiagnosisProcess.Variables.MAJOR.name(), major.code()));
            selfDiagnoses++;
          }
        }
      }
      if (!day.isBefore(calendar.dateOf(year, Milestone.MAJOR_ASSESSMENT_OPENS))) {
        Period period = rotation.periodOf(year);
        for (Major major : rotation.assessedIn(year)) {
          String key = MajorAssessmentProcess.businessKey(period.code(), major.code());
          if (neverOpened(MajorAssessmentProcess.KEY, key)) {
            runtimeService.startProcessInstanceByKey(MajorAssessmentProcess.KEY, key, Map.of(
                MajorAssessmentProcess.Variables.PERIOD.name(), period.code(),
                MajorAssessmentProcess.Variables.MAJOR.name(), major.code()));
            assessments++;
          }
        }
      }
      return new Opened(selfDiagnoses, assessments);
    });
  }

  private boolean neverOpened(String processKey, String businessKey) {
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(processKey)
        .processInstanceBusinessKey(businessKey).count() == 0;
  }

  /** How many rounds a day opened. */
  public record Opened(int selfDiagnoses, int assessments) {}
}
