package cn.zhengai.statedata;

import cn.zhengai.planning.targetchain.MeasuredValues;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A target's current value is the latest reading of the indicator serving it: for the unit owning the target, else for
 * the whole school; for a year's target, the latest period ending by that year's end. Every load writes it into the
 * target's 当前值, so that the cycle, the checkpoints and the 工作台 read the reading.
 */
@Component
class TargetReadings implements MeasuredValues {

  private static final String LATEST = "SELECT r.reading_value FROM reading r JOIN indicator_target it ON it.indicator_id = r.indicator_id"
      + " WHERE it.target_code = ? AND r.subject_level = 'SCHOOL' AND r.subject_id = ? AND r.period_end <= ?"
      + " ORDER BY r.period_end DESC, r.loaded_at DESC, r.id DESC FETCH FIRST 1 ROWS ONLY";

  private final JdbcTemplate jdbc;

  TargetReadings(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<BigDecimal> currentValue(String targetCode, String ownerUnitId, String cycleYear) {
    LocalDate until = cycleYear == null || cycleYear.isBlank() ? LocalDate.of(9999, 12, 31) : LocalDate.of(Integer.parseInt(cycleYear), 12, 31);
    for (String subject : List.of(ownerUnitId, Subjects.WHOLE_SCHOOL.id())) {
      List<BigDecimal> latest = jdbc.queryForList(LATEST, BigDecimal.class, targetCode, subject, Date.valueOf(until));
      if (!latest.isEmpty()) {
        return Optional.of(latest.get(0).setScale(4, RoundingMode.HALF_UP));
      }
    }
    return Optional.empty();
  }

  @Override
  public void serveCarriedForward(String targetCode, String carriedCode) {
    // a target is served by one indicator at most: a carried target already served keeps its indicator
    jdbc.update("INSERT INTO indicator_target (indicator_id, target_code) SELECT indicator_id, ? FROM indicator_target"
        + " WHERE target_code = ? AND NOT EXISTS (SELECT 1 FROM indicator_target WHERE target_code = ?)", carriedCode, targetCode,
        carriedCode);
  }

  private record Served(String code, String ownerUnitId, String cycleYear, BigDecimal stored) {}

  /** Writes the readings of these indicators into the current value of the targets they serve. */
  void refresh(Collection<Long> indicatorIds) {
    if (indicatorIds.isEmpty()) {
      return;
    }
    List<Served> served = new NamedParameterJdbcTemplate(jdbc).query("SELECT t.code, t.owner_unit_id, t.cycle_year,"
        + " t.current_value FROM target t JOIN indicator_target it ON it.target_code = t.code WHERE it.indicator_id IN (:ids)",
        new MapSqlParameterSource("ids", indicatorIds), (rs, n) -> new Served(rs.getString("code"), rs.getString("owner_unit_id"),
            rs.getObject("cycle_year") == null ? null : rs.getString("cycle_year"), rs.getBigDecimal("current_value")));
    for (Served target : served) {
      Optional<BigDecimal> value = currentValue(target.code(), target.ownerUnitId(), target.cycleYear());
      if (value.isPresent() && (target.stored() == null || target.stored().compareTo(value.get()) != 0)) {
        jdbc.update("UPDATE target SET current_value = ? WHERE code = ?", value.get(), target.code());
      }
    }
  }
}
