package cn.zhengai.planning.majors;

import cn.zhengai.integration.excel.ColumnSpec;
import cn.zhengai.integration.org.UnitKind;
import cn.zhengai.org.Majors;
import cn.zhengai.org.OrgUnitRepository.OrgUnit;
import cn.zhengai.org.WorkingGroups;
import cn.zhengai.org.WorkingGroups.StoredWorkingGroup;
import cn.zhengai.planning.Field;
import cn.zhengai.planning.PlanningSupport;
import cn.zhengai.planning.RowProblems;
import cn.zhengai.planning.StoredRow;
import cn.zhengai.planning.TableRow;
import cn.zhengai.planning.TableScope;
import cn.zhengai.planning.UnitDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The teaching units' 二级学院质量保证工作组 as a sheet, one row per 二级学院: the members besides the unit's heads,
 * who lead it and belong to it anyway. 质管办, administrators and the unit's heads keep it here, in the 工作台 or in
 * Excel; people are written as on the 专业 sheet. Saving brings the group in line ({@link WorkingGroups}).
 */
@Component
public class WorkingGroupTable extends TeachingUnitTable {

  static final int UNIT = 0;
  static final int MEMBERS = 1;

  private static final List<Field> FIELDS = List.of(
      field("unit", ColumnSpec.text("二级学院", true).withMaxLength(100)),
      field("members", ColumnSpec.text("工作组成员", false).withMaxLength(2000)));

  private final PlanningSupport support;
  private final WorkingGroups workingGroups;
  private final Majors majors;

  WorkingGroupTable(PlanningSupport support, WorkingGroups workingGroups, Majors majors) {
    super(support, "working-groups", "二级学院质量保证工作组", FIELDS, UNIT);
    this.support = support;
    this.workingGroups = workingGroups;
    this.majors = majors;
  }

  @Override
  protected String storageTable() {
    return "qa_working_group";
  }

  @Override
  public List<StoredRow> rows(TableScope scope) {
    UnitDirectory units = support.directory();
    People people = new People(majors.people());
    return workingGroups.findAll().stream().map(stored -> row(stored, units, people)).toList();
  }

  @Override
  public Optional<StoredRow> find(long id) {
    return workingGroups.find(id).map(stored -> row(stored, support.directory(), new People(majors.people())));
  }

  private static StoredRow row(StoredWorkingGroup stored, UnitDirectory units, People people) {
    OrgUnit unit = units.unit(stored.unitId());
    return new StoredRow(stored.id(), List.of(unit == null ? stored.unitId() : unit.name(), people.written(stored.members())));
  }

  @Override
  public String keyOf(List<String> values) {
    return values.get(UNIT);
  }

  @Override
  protected List<String> completed(TableRow row, Batch batch) {
    List<String> values = new ArrayList<>(row.values());
    values.set(MEMBERS, people(batch).canonical(row.value(MEMBERS)));
    return values.equals(row.values()) ? row.values() : values;
  }

  @Override
  protected void check(Change change, Batch batch, RowProblems problems) {
    TableRow row = change.row();
    OrgUnit unit = oneUnit(row, UNIT, batch, problems);
    if (unit != null && unit.kind() != UnitKind.TEACHING_UNIT) {
      problems.at(row, UNIT, "“" + unit.name() + "”不是教学单位（二级学院），只有二级学院设质量保证工作组");
    }
    people(batch).problems(row.value(MEMBERS)).forEach(problem -> problems.at(row, MEMBERS, problem));
  }

  @Override
  protected void write(List<Change> changes, Batch batch) {
    People people = people(batch);
    for (Change change : changes) {
      TableRow row = change.row();
      workingGroups.save(change.current() == null ? null : change.current().id(), batch.units().unitNamed(row.value(UNIT)).id(),
          people.accounts(row.value(MEMBERS)), batch.user(), batch.at());
    }
  }

  @Override
  protected void deleteRow(StoredRow row, Batch batch) {
    workingGroups.delete(row.id());
  }

  private People people(Batch batch) {
    return batch.memo("people", () -> new People(majors.people()));
  }
}
