package cn.zhengai.planning;

import cn.zhengai.integration.excel.CellValues;
import cn.zhengai.integration.excel.ColumnSpec;
import cn.zhengai.integration.excel.ExcelProblem;
import cn.zhengai.integration.excel.SheetLayout;
import cn.zhengai.org.OrgUnitRepository.OrgUnit;
import cn.zhengai.planning.ChangeLog.Action;
import cn.zhengai.planning.UnitDirectory.Resolved;
import cn.zhengai.security.CurrentUser;
import java.time.Instant;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * One of the chains' tables (表1–表8 and the targets), kept in the database and shown as the seed's sheet.
 * Every way in, an Excel import, an API call or the demo data, goes through {@link #save}: the rows are
 * checked whole (columns, references, duplicates, who may change them) and written only if nothing is wrong.
 * Rows are matched to stored ones by their key; unchanged rows are left alone and not logged.
 */
public abstract class PlanningTable {

  /** The trailing column of exports that carries each row's version. */
  public static final String ROW_VERSION = "行版本";

  protected final JdbcTemplate jdbc;
  private final PlanningSupport support;
  private final String id;
  private final String sheetName;
  private final List<Field> fields;
  private final int ownerColumn;

  /**
   * @param id the table's id in the API, e.g. {@code plans}
   * @param sheetName the sheet's name, after the seed's table, e.g. 表4 发展规划目标链
   * @param fields the columns in the seed's order
   * @param ownerColumn the column that says which units own a row, and so who may change it
   */
  protected PlanningTable(PlanningSupport support, String id, String sheetName, List<Field> fields, int ownerColumn) {
    this.support = support;
    this.jdbc = support.jdbc;
    this.id = id;
    this.sheetName = sheetName;
    this.fields = List.copyOf(fields);
    this.ownerColumn = ownerColumn;
  }

  // not final: the transactional proxy must hand these on to the table itself
  public String id() {
    return id;
  }

  public String sheetName() {
    return sheetName;
  }

  public List<Field> fields() {
    return fields;
  }

  protected int ownerColumn() {
    return ownerColumn;
  }

  /** The field that names the units owning a row. */
  public String ownerKey() {
    return fields.get(ownerColumn).key();
  }

  /** Whether the table is kept per year, so that every request names the year (表5, 表6). */
  public boolean perYear() {
    return false;
  }

  /** The tables whose change log holds this table's rows: its own, unless another table shows the same rows. */
  public List<String> changeLogIds() {
    return List.of(id());
  }

  /** The ids of the rows in the scope that the user may change, by the same rule a save applies. */
  public List<Long> changeableBy(CurrentUser user, TableScope scope) {
    UnitDirectory units = support.directory();
    return rows(scope).stream()
        .filter(row -> mayChange(user, units.resolve(row.value(ownerColumn())).unitIds()))
        .map(StoredRow::id).toList();
  }

  /** Groups that may change every row besides the owners: the QA office, unless a table says more. */
  protected List<String> coordinators() {
    return List.of(PlanningAccess.QA_OFFICE);
  }

  /** Whether the user may change a row the units own: their staff, unless a table says who of them. */
  protected boolean mayChange(CurrentUser user, List<String> owningUnits) {
    return PlanningAccess.mayChange(user, owningUnits, coordinators());
  }

  /** Who of the owning unit may change a row, as refusals name them. */
  protected String owningStaff() {
    return "该部门";
  }

  /** The stored rows in the scope, in the sheet's order. */
  public abstract List<StoredRow> rows(TableScope scope);

  public abstract Optional<StoredRow> find(long id);

  /** What identifies a row within its scope. */
  public abstract String keyOf(List<String> values);

  /** The table's own rules for a new or changed row: references, consistency; problems are recorded. */
  protected abstract void check(Change change, Batch batch, RowProblems problems);

  /** Writes the checked rows. */
  protected abstract void write(List<Change> changes, Batch batch);

  protected abstract void deleteRow(StoredRow row, Batch batch);

  /** Where the rows are kept: the database table whose {@code updated_at} and {@code updated_by} version a row. */
  protected abstract String storageTable();

  /** The sheet: the table's columns, then the row's version (行版本), which exports fill and templates leave empty. */
  public SheetLayout layout() {
    List<ColumnSpec> columns = new ArrayList<>(fields().stream().map(Field::column).toList());
    columns.add(ColumnSpec.text(ROW_VERSION, false).withMaxLength(40));
    return new SheetLayout(sheetName(), columns);
  }

  /** The rows in the scope as an export shows them: each row's values and its version. */
  public List<List<String>> sheetRows(TableScope scope) {
    Map<Long, RowVersion> versions = versions();
    return rows(scope).stream().map(row -> {
      List<String> values = new ArrayList<>(row.values());
      RowVersion version = versions.get(row.id());
      values.add(version == null ? "" : version.token(editable(row.values())));
      return (List<String>) values;
    }).toList();
  }

  /** Checks all offered rows, then writes the new and changed ones; all or nothing. */
  @Transactional
  public SaveReport save(List<TableRow> offered, CurrentUser editor, TableScope scope) {
    return save(new Offer(sheetName(), offered, List.of()), editor, scope);
  }

  /**
   * Checks all offered rows, then writes the new and changed ones; all or nothing. Refused with every problem
   * (400, or 403 when the editor may change none of the rows), or, when rows changed since their export, with
   * those conflicts (409).
   */
  @Transactional
  public SaveReport save(Offer offer, CurrentUser editor, TableScope scope) {
    Plan plan = plan(offer, editor, scope);
    plan.problems().throwIfAny();
    if (!plan.conflicts().isEmpty()) {
      throw new RowConflictsException(offer.sheet(), plan.conflicts());
    }
    write(plan.changes(), plan.batch());
    List<Change> changes = plan.changes();
    // each entry made as the log writes it, not all of a large import's at once
    support.changeLog.recordAll(id(), new AbstractList<>() {
      @Override
      public ChangeLog.Entry get(int index) {
        Change change = changes.get(index);
        return new ChangeLog.Entry(keyOf(change.row().values()), change.current() == null ? Action.CREATED : Action.CHANGED,
            cellChanges(change.current() == null ? null : change.current().values(), change.row().values()));
      }

      @Override
      public int size() {
        return changes.size();
      }
    }, editor.userId(), plan.batch().at);
    int created = (int) plan.changes().stream().filter(change -> change.current() == null).count();
    return new SaveReport(created, plan.changes().size() - created, plan.unchanged());
  }

  /** What {@link #save} would do with the same rows, checked the same way; nothing is written. */
  @Transactional(readOnly = true)
  public ImportPreview preview(Offer offer, CurrentUser editor, TableScope scope) {
    Plan plan = plan(offer, editor, scope);
    List<ImportPreview.Created> created = new ArrayList<>();
    List<ImportPreview.Changed> changed = new ArrayList<>();
    for (Change change : plan.changes()) {
      String key = keyOf(change.row().values());
      if (change.current() == null) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < fields().size(); i++) {
          if (!fields().get(i).computed()) {
            values.put(fields().get(i).header(), change.value(i));
          }
        }
        created.add(new ImportPreview.Created(change.row().rowNumber(), key, values));
      } else {
        changed.add(new ImportPreview.Changed(change.row().rowNumber(), change.current().id(), key,
            cellChanges(change.current().values(), change.row().values())));
      }
    }
    List<ExcelProblem> problems = plan.problems().list();
    return new ImportPreview(id(), offer.sheet(), problems.isEmpty() && plan.conflicts().isEmpty(), created, changed,
        plan.unchanged(), plan.conflicts(), problems);
  }

  /** The one check of offered rows behind both a save and its preview. */
  private Plan plan(Offer offer, CurrentUser editor, TableScope scope) {
    Batch batch = new Batch(support.directory(), scope, editor, Instant.now(support.clock));
    List<StoredRow> stored = rows(scope);
    Map<String, StoredRow> storedByKey = new HashMap<>();
    Map<Long, StoredRow> storedById = new HashMap<>();
    stored.forEach(row -> {
      storedByKey.put(keyOf(row.values()), row);
      storedById.put(row.id(), row);
    });
    RowProblems problems = new RowProblems(offer.sheet(), fields());
    offer.cellProblems().forEach(problems::add);
    Set<Integer> rowsWithWrongCells = new HashSet<>();
    offer.cellProblems().forEach(problem -> rowsWithWrongCells.add(problem.row()));
    List<Change> changes = new ArrayList<>();
    List<Conflict> conflicts = new ArrayList<>();
    int unchanged = 0;
    // every offered row is known before any is checked: rows may refer to rows further down; a row with a wrong
    // cell is known (for references) but not checked against the rules, which would only repeat its problem
    List<TableRow> distinct = new ArrayList<>();
    for (TableRow row : offered(offer)) {
      String key = keyOf(row.values());
      TableRow first = batch.offered.putIfAbsent(key, row);
      if (rowsWithWrongCells.contains(row.rowNumber())) {
        continue;
      }
      if (first == null) {
        distinct.add(row);
      } else {
        problems.atRow(row, "与第 " + first.rowNumber() + " 行重复（" + key + "）");
      }
    }
    for (int i = 0; i < distinct.size(); i++) {
      List<String> values = completed(distinct.get(i), batch);
      if (values != distinct.get(i).values()) {
        TableRow completed = distinct.get(i).withValues(values);
        distinct.set(i, completed);
        batch.offered.put(keyOf(completed.values()), completed);
      }
    }
    boolean exported = distinct.stream().anyMatch(row -> !row.version().isEmpty());
    Map<Long, RowVersion> versions = exported ? versions() : Map.of();
    // the rows as the file has them, for telling whether it changed an exported row: only a file with row versions
    Map<Integer, List<String>> asOffered = new HashMap<>();
    if (exported) {
      offer.rows().forEach(row -> asOffered.put(row.rowNumber(), row.values()));
    }
    for (TableRow row : distinct) {
      String key = keyOf(row.values());
      StoredRow current = row.id() == null ? storedByKey.get(key) : storedById.get(row.id());
      if (row.id() != null) {
        if (current == null) {
          throw notFound(row.id());
        }
        StoredRow sameKey = storedByKey.get(key);
        if (sameKey != null && sameKey.id() != row.id()) {
          problems.atRow(row, "与已有的行重复（" + key + "）");
          continue;
        }
      }
      boolean same = current != null && sameValues(current.values(), row.values());
      RowVersion exportedAs = same || row.version().isEmpty() ? null : exportedVersion(row, problems);
      StoredRow since = exportedAs == null ? null : changedSinceExport(exportedAs, current, storedById, versions);
      if (since != null) {
        // written since the export: left as it is when the file does not change it, a conflict when it does
        if (exportedAs.exported(editable(asOffered.get(row.rowNumber())))) {
          unchanged++;
        } else {
          conflicts.add(conflict(row, key, since, versions.get(since.id())));
        }
        continue;
      }
      if (same) {
        unchanged++;
        continue;
      }
      Change change = new Change(row, current, owners(row, current, batch, problems));
      check(change, batch, problems);
      changes.add(change);
    }
    return new Plan(batch, changes, unchanged, conflicts, problems);
  }

  /** The offered rows with their values in one spelling (the owner column's list separated by 、). */
  private List<TableRow> offered(Offer offer) {
    return offer.rows().stream().map(row -> {
      String owner = row.value(ownerColumn());
      String canonical = UnitDirectory.canonical(owner);
      if (canonical.equals(owner)) {
        return row;
      }
      List<String> values = new ArrayList<>(row.values());
      values.set(ownerColumn(), canonical);
      return row.withValues(values);
    }).toList();
  }

  /**
   * A row's values completed by the table's own rules before they are checked (e.g. a plan's obvious parent);
   * the values as offered unless a table says more.
   */
  protected List<String> completed(TableRow row, Batch batch) {
    return row.values();
  }

  /** The version an exported row carries, or null after recording that its 行版本 cell is not one. */
  private RowVersion exportedVersion(TableRow row, RowProblems problems) {
    RowVersion exported = RowVersion.parse(row.version());
    if (exported == null) {
      problems.atColumn(row, ROW_VERSION, "“" + row.version() + "”不是本系统导出的行版本；新增的行请留空，导出的行请勿修改此列");
    }
    return exported;
  }

  /**
   * The stored row an exported row stands for, when it was written since the export: the row of the same key, or
   * the row exported if it was renamed since; null when nothing changed since (or the row was deleted since).
   */
  private static StoredRow changedSinceExport(RowVersion exported, StoredRow current, Map<Long, StoredRow> storedById,
      Map<Long, RowVersion> versions) {
    StoredRow stored = current != null ? current : storedById.get(exported.id());
    RowVersion now = stored == null ? null : versions.get(stored.id());
    return now == null || now.sameAs(exported) ? null : stored;
  }

  private Conflict conflict(TableRow row, String key, StoredRow since, RowVersion now) {
    String storedKey = keyOf(since.values());
    String what = storedKey.equals(key) ? "修改" : "改为「" + storedKey + "」";
    return new Conflict(row.rowNumber(), since.id(), key, "「" + key + "」（" + fields().get(ownerColumn()).header() + "："
        + since.value(ownerColumn()) + "）在导出后已被 " + now.byWhom() + " " + what + "；为免覆盖这一修改，此行未导入。"
        + "请重新导出最新的表，在其中修改后再导入");
  }

  /** The values a user can change: a checksum over them tells whether the file changed a row. */
  private List<String> editable(List<String> values) {
    List<String> editable = new ArrayList<>();
    for (int i = 0; i < fields().size(); i++) {
      if (!fields().get(i).computed()) {
        editable.add(values.get(i));
      }
    }
    return editable;
  }

  /** Every stored row's version. */
  private Map<Long, RowVersion> versions() {
    Map<Long, RowVersion> versions = new HashMap<>();
    jdbc.query("SELECT id, updated_by, updated_at FROM " + storageTable(), rs -> {
      versions.put(rs.getLong("id"), RowVersion.of(rs.getLong("id"), rs.getTimestamp("updated_at").toInstant(),
          rs.getString("updated_by")));
    });
    return versions;
  }

  /** The checked rows of one save or preview. */
  private record Plan(Batch batch, List<Change> changes, int unchanged, List<Conflict> conflicts, RowProblems problems) {}

  @Transactional
  public void delete(long id, CurrentUser editor) {
    StoredRow row = find(id).orElseThrow(() -> notFound(id));
    Batch batch = new Batch(support.directory(), TableScope.ALL, editor, Instant.now(support.clock));
    Resolved owners = batch.units.resolve(row.value(ownerColumn()));
    if (!mayChange(editor, owners.unitIds())) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, forbidden(row.value(ownerColumn())));
    }
    deleteRow(row, batch);
    support.changeLog.record(id(), new ChangeLog.Entry(keyOf(row.values()), Action.DELETED, cellChanges(row.values(), null)),
        editor.userId(), batch.at);
  }

  /** The row asked for is not in the table: HTTP 404, saying which table. */
  public ResponseStatusException notFound(long id) {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, sheetName() + "中没有编号为 " + id + " 的行");
  }

  /** A row from the API: field keys to values, each checked against its column like a sheet cell. */
  public TableRow fromJson(Map<String, ?> body, Long id) {
    Set<String> unknown = new TreeSet<>(body.keySet());
    fields().forEach(field -> unknown.remove(field.key()));
    unknown.remove("id");
    if (!unknown.isEmpty()) {
      throw new PlanningException("未知字段：" + String.join("、", unknown) + "；" + sheetName() + "的字段为 "
          + String.join("、", fields().stream().filter(field -> !field.computed()).map(Field::key).toList()));
    }
    TableRow row = new TableRow(0, id, List.of());
    RowProblems problems = new RowProblems(sheetName(), fields());
    List<String> values = new ArrayList<>();
    for (int i = 0; i < fields().size(); i++) {
      Field field = fields().get(i);
      Object raw = body.get(field.key());
      CellValues.Checked checked = CellValues.check(field.column(), field.computed() || raw == null ? "" : raw.toString());
      if (!checked.ok() && !field.computed()) {
        problems.at(row, i, checked.problem());
      }
      values.add(checked.ok() ? checked.value() : "");
    }
    problems.throwIfAny();
    return new TableRow(0, id, values);
  }

  public Map<String, Object> toJson(StoredRow row) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", row.id());
    for (int i = 0; i < fields().size(); i++) {
      json.put(fields().get(i).key(), row.value(i));
    }
    return json;
  }

  protected static Field field(String key, ColumnSpec column) {
    return Field.of(key, column);
  }

  /**
   * The one unit a column names (tasks, targets and work packages belong to one unit), or null after recording
   * why not. Unknown names in the owner column were already reported with the owners.
   */
  protected OrgUnit oneUnit(TableRow row, int column, Batch batch, RowProblems problems) {
    String name = row.value(column);
    OrgUnit unit = name.isEmpty() ? null : batch.units().unitNamed(name);
    if (unit == null && !name.isEmpty()) {
      Resolved resolved = batch.units().resolve(name);
      if (resolved.ok()) {
        problems.at(row, column, "应为一个部门或教学单位，而不是“" + name + "”");
      } else if (column != ownerColumn()) {
        problems.at(row, column, resolved.problem());
      }
    }
    return unit;
  }

  protected LocalDate today() {
    return support.today();
  }

  /** The scope a stored row lives in, for a change made to it by id. */
  public TableScope scopeOf(long id) {
    return TableScope.ALL;
  }

  /** A blank value as SQL NULL. */
  protected static String orNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  /** A SQL NULL as the blank a sheet shows. */
  protected static String orBlank(Object value) {
    return value == null ? "" : value.toString();
  }

  protected static java.sql.Timestamp timestamp(Batch batch) {
    return java.sql.Timestamp.from(batch.at());
  }

  private List<String> owners(TableRow row, StoredRow current, Batch batch, RowProblems problems) {
    Resolved owners = batch.units.resolve(row.value(ownerColumn()));
    if (!owners.ok()) {
      problems.at(row, ownerColumn(), owners.problem());
    } else if (!mayChange(batch.editor, owners.unitIds())) {
      problems.forbidden(row, ownerColumn(), forbidden(row.value(ownerColumn())));
    }
    // a row taken from another unit: that unit, too, must be one the editor may change
    if (current != null && !current.value(ownerColumn()).equals(row.value(ownerColumn()))) {
      Resolved before = batch.units.resolve(current.value(ownerColumn()));
      if (before.ok() && !mayChange(batch.editor, before.unitIds())) {
        problems.forbidden(row, ownerColumn(), forbidden(current.value(ownerColumn())));
      }
    }
    return owners.unitIds();
  }

  private String forbidden(String owner) {
    return "无权修改：此行属于「" + owner + "」，只有" + owningStaff() + "、" + String.join("、", coordinators().stream().map(PlanningAccess::label).toList())
        + "和系统管理员可以修改";
  }

  /** The cells that differ, old → new, by header; a missing row (before a creation, after a deletion) is blank. */
  private List<ChangeLog.CellChange> cellChanges(List<String> before, List<String> after) {
    List<ChangeLog.CellChange> cells = new ArrayList<>();
    for (int i = 0; i < fields().size(); i++) {
      String old = before == null ? "" : before.get(i);
      String now = after == null ? "" : after.get(i);
      if (!fields().get(i).computed() && !old.equals(now)) {
        cells.add(new ChangeLog.CellChange(fields().get(i).column().header(), old, now));
      }
    }
    return cells;
  }

  private boolean sameValues(List<String> stored, List<String> offered) {
    for (int i = 0; i < fields().size(); i++) {
      if (!fields().get(i).computed() && !stored.get(i).equals(offered.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** A new row ({@code current} null) or a changed one, with the units that own it as offered. */
  protected record Change(TableRow row, StoredRow current, List<String> ownerUnits) {

    public String value(int column) {
      return row.value(column);
    }
  }

  /** One save: the organisation as it stands, the scope, who saves, when, and every row offered by key. */
  protected static final class Batch {

    private final UnitDirectory units;
    private final TableScope scope;
    private final CurrentUser editor;
    private final Instant at;
    private final Map<String, TableRow> offered = new LinkedHashMap<>();
    private final Map<String, Object> memos = new HashMap<>();

    Batch(UnitDirectory units, TableScope scope, CurrentUser editor, Instant at) {
      this.units = units;
      this.scope = scope;
      this.editor = editor;
      this.at = at;
    }

    public UnitDirectory units() {
      return units;
    }

    public TableScope scope() {
      return scope;
    }

    public String user() {
      return editor.userId();
    }

    public Instant at() {
      return at;
    }

    /** Every row offered in this save, in order (complete once the rules are checked). */
    public List<TableRow> offeredRows() {
      return List.copyOf(offered.values());
    }

    /** Something a table's rules compute once per save, such as a lookup of the stored rows. */
    @SuppressWarnings("unchecked")
    public <T> T memo(String name, java.util.function.Supplier<T> compute) {
      return (T) memos.computeIfAbsent(name, ignored -> compute.get());
    }
  }

  /** What a save did. */
  public record SaveReport(int created, int changed, int unchanged) {}
}
