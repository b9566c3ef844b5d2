package cn.zhengai.planning.majors;

import cn.zhengai.integration.excel.ColumnSpec;
import cn.zhengai.integration.org.MajorRules;
import cn.zhengai.integration.org.Organisation.Major;
import cn.zhengai.integration.org.UnitKind;
import cn.zhengai.org.Majors;
import cn.zhengai.org.Majors.StoredMajor;
import cn.zhengai.org.OrgGroups;
import cn.zhengai.org.OrgUnitRepository.OrgUnit;
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
 * The majors (专业) of the organisation as a sheet: 质管办, 教务处, administrators and each teaching unit's heads (for
 * the unit's own majors) keep them here, in the 工作台 or in Excel. People are written 何涛（hetao）; an account
 * (hetao) or a name only one person has (何涛) is taken too. Saving a major brings its groups in line ({@link Majors}).
 */
@Component
public class MajorTable extends TeachingUnitTable {

  static final int CODE = 0;
  static final int NAME = 1;
  static final int UNIT = 2;
  static final int LEADERS = 3;
  static final int CHIEF_TEACHERS = 4;
  static final int QA_MEMBERS = 5;
  static final int FIRST_YEAR = 6;
  static final int FIRST_GRADUATION_YEAR = 7;

  private static final List<Field> FIELDS = List.of(
      field("code", ColumnSpec.text("专业代码", true).withMaxLength(6)),
      field("name", ColumnSpec.text("专业名称", true).withMaxLength(100)),
      field("unit", ColumnSpec.text("所属二级学院", true).withMaxLength(100)),
      field("leaders", ColumnSpec.text("专业（课程）负责人", true).withMaxLength(1000)),
      field("chiefTeachers", ColumnSpec.text("专业带头人", false).withMaxLength(1000)),
      field("qaGroup", ColumnSpec.text("专业（课程）质量保证小组", false).withMaxLength(2000)),
      field("firstYear", ColumnSpec.number("开设年份", true)),
      field("firstGraduationYear", ColumnSpec.number("首届毕业年份", true)));

  private final PlanningSupport support;
  private final Majors majors;

  MajorTable(PlanningSupport support, Majors majors) {
    super(support, "majors", "专业", FIELDS, UNIT);
    this.support = support;
    this.majors = majors;
  }

  @Override
  protected String storageTable() {
    return "major";
  }

  /** 教务处 keeps the majors with 质管办. */
  @Override
  protected List<String> coordinators() {
    return List.of(OrgGroups.QA_OFFICE, OrgGroups.ACADEMIC_AFFAIRS);
  }

  @Override
  public List<StoredRow> rows(TableScope scope) {
    UnitDirectory units = support.directory();
    People people = new People(majors.people());
    return majors.findAll().stream().map(stored -> row(stored, units, people)).toList();
  }

  @Override
  public Optional<StoredRow> find(long id) {
    return majors.find(id).map(stored -> row(stored, support.directory(), new People(majors.people())));
  }

  private static StoredRow row(StoredMajor stored, UnitDirectory units, People people) {
    Major major = stored.major();
    OrgUnit unit = units.unit(major.unit());
    return new StoredRow(stored.id(), List.of(major.code(), major.name(), unit == null ? major.unit() : unit.name(),
        people.written(major.leaders()), people.written(major.chiefTeachers()), people.written(major.qaMembers()),
        String.valueOf(major.firstYear()), String.valueOf(major.firstGraduationYear())));
  }

  @Override
  public String keyOf(List<String> values) {
    return values.get(CODE);
  }

  /** People as the sheet writes them (何涛（hetao）), so that an account or a name typed alone is no change. */
  @Override
  protected List<String> completed(TableRow row, Batch batch) {
    People people = people(batch);
    List<String> values = new ArrayList<>(row.values());
    for (int column : List.of(LEADERS, CHIEF_TEACHERS, QA_MEMBERS)) {
      values.set(column, people.canonical(row.value(column)));
    }
    return values.equals(row.values()) ? row.values() : values;
  }

  @Override
  protected void check(Change change, Batch batch, RowProblems problems) {
    TableRow row = change.row();
    String codeProblem = MajorRules.codeProblem(row.value(CODE));
    if (codeProblem != null) {
      problems.at(row, CODE, codeProblem);
    }
    OrgUnit unit = oneUnit(row, UNIT, batch, problems);
    if (unit != null && unit.kind() != UnitKind.TEACHING_UNIT) {
      problems.at(row, UNIT, "“" + unit.name() + "”不是教学单位（二级学院）");
    }
    People people = people(batch);
    for (int column : List.of(LEADERS, CHIEF_TEACHERS, QA_MEMBERS)) {
      people.problems(row.value(column)).forEach(problem -> problems.at(row, column, problem));
    }
    Integer firstYear = year(row, FIRST_YEAR, problems);
    Integer firstGraduation = year(row, FIRST_GRADUATION_YEAR, problems);
    if (firstYear != null && firstGraduation != null) {
      String order = MajorRules.graduationProblem(firstYear, firstGraduation);
      if (order != null) {
        problems.at(row, FIRST_GRADUATION_YEAR, order);
      }
    }
  }

  private Integer year(TableRow row, int column, RowProblems problems) {
    String label = FIELDS.get(column).header();
    Integer year;
    try {
      year = Integer.valueOf(row.value(column));
    } catch (NumberFormatException e) {
      problems.at(row, column, "“" + row.value(column) + "”不是年份");
      return null;
    }
    String problem = MajorRules.yearProblem(label, year);
    if (problem != null) {
      problems.at(row, column, problem);
      return null;
    }
    return year;
  }

  @Override
  protected void write(List<Change> changes, Batch batch) {
    People people = people(batch);
    for (Change change : changes) {
      TableRow row = change.row();
      Major major = new Major(row.value(CODE), row.value(NAME), batch.units().unitNamed(row.value(UNIT)).id(),
          people.accounts(row.value(LEADERS)), people.accounts(row.value(CHIEF_TEACHERS)),
          people.accounts(row.value(QA_MEMBERS)), Integer.parseInt(row.value(FIRST_YEAR)),
          Integer.parseInt(row.value(FIRST_GRADUATION_YEAR)));
      majors.save(change.current() == null ? null : change.current().id(), major, batch.user(), batch.at());
    }
  }

  @Override
  protected void deleteRow(StoredRow row, Batch batch) {
    majors.delete(row.id());
  }

  private People people(Batch batch) {
    return batch.memo("people", () -> new People(majors.people()));
  }
}
