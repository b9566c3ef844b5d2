package cn.zhengai.org;

import cn.zhengai.integration.org.Organisation.Unit;
import cn.zhengai.integration.org.QualitySystem;
import cn.zhengai.integration.org.UnitKind;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The {@code org_unit} table: what Camunda's groups cannot hold (kind, quality system, parent). */
@Repository
public class OrgUnitRepository {

  private static final RowMapper<OrgUnit> ROW = (rs, n) -> new OrgUnit(rs.getString("id"), rs.getString("name"),
      rs.getString("full_name"), UnitKind.valueOf(rs.getString("kind")),
      rs.getString("quality_system") == null ? null : QualitySystem.valueOf(rs.getString("quality_system")),
      rs.getString("parent_id"), rs.getBoolean("submits_annual_plan"), rs.getInt("sort_order"));

  private final JdbcTemplate jdbc;

  OrgUnitRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public List<OrgUnit> findAll() {
    return jdbc.query("SELECT * FROM org_unit ORDER BY sort_order, id", ROW);
  }

  public Optional<OrgUnit> findById(String id) {
    return jdbc.query("SELECT * FROM org_unit WHERE id = ?", ROW, id).stream().findFirst();
  }

  /** Units whose heads submit an annual work plan, in the file's order. */
  public List<OrgUnit> findSubmittingAnnualPlan() {
    return jdbc.query("SELECT * FROM org_unit WHERE submits_annual_plan = TRUE ORDER BY sort_order, id", ROW);
  }

  /** Inserts or updates the unit; returns whether anything changed. */
  boolean save(Unit unit) {
    OrgUnit wanted = new OrgUnit(unit.id(), unit.name(), unit.fullName(), unit.kind(), unit.system(), unit.parent(),
        unit.submitsAnnualPlan(), unit.sortOrder());
    Optional<OrgUnit> existing = findById(unit.id());
    if (existing.isPresent() && existing.get().equals(wanted)) {
      return false;
    }
    String system = unit.system() == null ? null : unit.system().name();
    if (existing.isPresent()) {
      jdbc.update("UPDATE org_unit SET name = ?, full_name = ?, kind = ?, quality_system = ?, parent_id = ?,"
              + " submits_annual_plan = ?, sort_order = ? WHERE id = ?",
          unit.name(), unit.fullName(), unit.kind().name(), system, unit.parent(), unit.submitsAnnualPlan(),
          unit.sortOrder(), unit.id());
    } else {
      jdbc.update("INSERT INTO org_unit (id, name, full_name, kind, quality_system, parent_id, submits_annual_plan,"
              + " sort_order) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          unit.id(), unit.name(), unit.fullName(), unit.kind().name(), system, unit.parent(), unit.submitsAnnualPlan(),
          unit.sortOrder());
    }
    return true;
  }

  /** A unit as stored. */
  public record OrgUnit(String id, String name, String fullName, UnitKind kind, QualitySystem qualitySystem,
      String parentId, boolean submitsAnnualPlan, int sortOrder) {

    public OrgUnit {
      Objects.requireNonNull(id);
    }

    public String qualitySystemLabel() {
      return qualitySystem == null ? null : qualitySystem.label();
    }
  }
}
