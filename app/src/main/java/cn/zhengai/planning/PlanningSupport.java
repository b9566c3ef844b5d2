package cn.zhengai.planning;

import cn.zhengai.calendar.CollegeTime;
import cn.zhengai.org.OrgUnitRepository;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** What every planning table needs: the database, the organisation, the change log and the clock. */
@Component
public class PlanningSupport {


  final JdbcTemplate jdbc;
  final ChangeLog changeLog;
  final Clock clock;
  private final OrgUnitRepository orgUnits;

  PlanningSupport(JdbcTemplate jdbc, OrgUnitRepository orgUnits, ChangeLog changeLog, Clock clock) {
    this.jdbc = jdbc;
    this.orgUnits = orgUnits;
    this.changeLog = changeLog;
    this.clock = clock;
  }

  public Clock clock() {
    return clock;
  }

  /** Today in the college's time zone. */
  public LocalDate today() {
    return CollegeTime.today(clock);
  }

  public UnitDirectory directory() {
    return new UnitDirectory(orgUnits.findAll());
  }
}
