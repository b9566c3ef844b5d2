package cn.zhengai.report;

import cn.zhengai.security.CurrentUser;
import cn.zhengai.spiral.Level;
import cn.zhengai.spiral.Period;
import cn.zhengai.spiral.Subject;
import java.util.List;

/**
 * Where one level's self-diagnosis reports come from. The school level's units are one source; the major level
 * plugs in as another (its yearly self-diagnosis, and in its assessment year the 考核性诊断 over three years) without
 * a change to the document or the pages.
 */
interface ReportSource {

  Level level();

  /** The subjects of the level that have a report for the period, in the organisation's order. */
  List<Subject> subjects(Period period);

  SelfDiagnosisReport read(Subject subject, Period period);

  /** Whether a person may read the subject's report: its own heads and members, and the bodies that oversee all. */
  boolean sees(CurrentUser user, Subject subject);
}
