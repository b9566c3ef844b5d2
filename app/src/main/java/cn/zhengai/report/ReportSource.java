package cn.zhengai.report;

import cn.zhengai.security.CurrentUser;
import cn.zhengai.spiral.Level;
import cn.zhengai.spiral.Period;
import cn.zhengai.spiral.Subject;
import java.util.List;

/**
 * Where one level's self-diagnosis reports come from: the school level's units ({@link SchoolUnitReports}) and the
 * majors ({@link MajorReports}: a year's self-diagnosis, and for a three-year period the 考核性诊断), each written by
 * the one document.
 */
interface ReportSource {

  Level level();

  /** The subjects of the level that have a report for the period, in the organisation's order. */
  List<Subject> subjects(Period period);

  SelfDiagnosisReport read(Subject subject, Period period);

  /** Whether a person may read the subject's report: its own heads and members, and the bodies that oversee all. */
  boolean sees(CurrentUser user, Subject subject);
}
