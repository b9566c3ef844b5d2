package cn.zhengai.major;

import cn.zhengai.integration.org.Organisation.Major;
import cn.zhengai.major.AssessmentRotation.Candidate;
import cn.zhengai.major.AssessmentRotation.Slot;
import cn.zhengai.org.Majors;
import cn.zhengai.org.Majors.StoredMajor;
import cn.zhengai.spiral.Period;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The kept rotation of the three-yearly 考核性诊断 ({@code major_assessment_slot}): a period is planned by
 * {@link AssessmentRotation} the first time it is read, from each major's first graduating year and the year it was
 * assessed in the period before; later reads give the same years, and only majors added since get a slot.
 */
@Service
public class MajorRotation {

  private final JdbcTemplate jdbc;
  private final Majors majors;
  private final MajorSettings settings;
  private final Clock clock;

  MajorRotation(JdbcTemplate jdbc, Majors majors, MajorSettings settings, Clock clock) {
    this.jdbc = jdbc;
    this.majors = majors;
    this.settings = settings;
    this.clock = clock;
  }

  /** The three-year period a year belongs to, counted from the rotation's first year. */
  public Period periodOf(int year) {
    int first = settings.rotationFirstYear();
    return Period.threeYears(first + Math.floorDiv(year - first, 3) * 3);
  }

  /** Every major's slot in the period, planning those without one; in the order of {@link Majors#findAll()}. */
  @Transactional
  public List<MajorSlot> slots(Period period) {
    Map<String, OptionalInt> kept = kept(period);
    List<Major> all = majors.findAll().stream().map(StoredMajor::major).toList();
    List<Major> unplanned = all.stream().filter(major -> !kept.containsKey(major.code())).toList();
    if (!unplanned.isEmpty()) {
      Map<String, OptionalInt> before = period.firstYear() - 3 >= settings.rotationFirstYear()
          ? slots(periodOf(period.firstYear() - 3)).stream().collect(HashMap::new, (m, s) -> m.put(s.major().code(), s.year()), Map::putAll)
          : Map.of();
      List<Candidate> candidates = unplanned.stream().map(major -> new Candidate(major.code(), major.firstGraduationYear(),
          before.getOrDefault(major.code(), OptionalInt.empty()))).toList();
      for (Slot slot : AssessmentRotation.plan(candidates, period)) {
        // a racing plan on another node inserts the same row: the first one wins, the later read sees it
        jdbc.update("INSERT INTO major_assessment_slot (period_code, major_code, assess_year, planned_at)"
                + " SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM major_assessment_slot WHERE period_code = ? AND major_code = ?)",
            period.code(), slot.code(), slot.year().isPresent() ? slot.year().getAsInt() : null,
            Timestamp.from(clock.instant()), period.code(), slot.code());
      }
      kept.putAll(kept(period));
    }
    return all.stream().map(major -> new MajorSlot(major, period, kept.get(major.code()))).toList();
  }

  /** The majors assessed in a year. */
  public List<Major> assessedIn(int year) {
    return slots(periodOf(year)).stream().filter(slot -> slot.year().isPresent() && slot.year().getAsInt() == year)
        .map(MajorSlot::major).toList();
  }

  private Map<String, OptionalInt> kept(Period period) {
    Map<String, OptionalInt> kept = new HashMap<>();
    jdbc.query("SELECT major_code, assess_year FROM major_assessment_slot WHERE period_code = ?", rs -> {
      int year = rs.getInt("assess_year");
      kept.put(rs.getString("major_code"), rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(year));
    }, period.code());
    return kept;
  }

  /** A major's assessment year in a period; empty when its first class graduates after the period. */
  public record MajorSlot(Major major, Period period, OptionalInt year) {}
}
