package cn.zhengai.planning;

import cn.zhengai.api.Paging;
import cn.zhengai.integration.excel.ColumnSpec;
import cn.zhengai.integration.excel.ExcelImportException;
import cn.zhengai.integration.excel.ExcelTableReader;
import cn.zhengai.integration.excel.ExcelTableWriter;
import cn.zhengai.integration.excel.SheetRead;
import cn.zhengai.planning.ChangeLog.Change;
import cn.zhengai.planning.PlanningTable.SaveReport;
import cn.zhengai.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The chains' tables over HTTP: read, create, change, delete, and the same tables as Excel (export, blank
 * template, import). Every member of staff reads; a row is changed only by its owning unit, the QA office and
 * administrators, which each table checks row by row.
 */
@Tag(name = "目标链、标准链与任务跟踪")
@RestController
@RequestMapping("/api/planning")
class PlanningController {

  private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final PlanningTables tables;
  private final ChangeLog changeLog;

  PlanningController(PlanningTables tables, ChangeLog changeLog) {
    this.tables = tables;
    this.changeLog = changeLog;
  }

  @Operation(summary = "所有表：编号、工作表名称与各列（字段名、中文表头、是否必填、可选值）")
  @GetMapping("/tables")
  ResponseEntity<List<TableDescription>> describe(Paging paging) {
    return paging.of(tables.all().stream().map(TableDescription::of).toList());
  }

  @Operation(summary = "一张表的行，分页；表5、表6 按年度（year）")
  @GetMapping("/{table}")
  ResponseEntity<List<Map<String, Object>>> rows(@PathVariable String table, @RequestParam(required = false) Integer year,
      Paging paging) {
    PlanningTable planningTable = tables.get(table);
    return paging.of(planningTable.rows(new TableScope(year)).stream().map(planningTable::toJson).toList());
  }

  @Operation(summary = "当前用户可以修改的行（编号）：本单位的行；质管办、系统管理员（目标指标另有院办）为全部")
  @GetMapping("/{table}/changeable")
  ResponseEntity<List<Long>> changeable(@PathVariable String table, @RequestParam(required = false) Integer year,
      Paging paging, Authentication authentication) {
    return paging.of(tables.get(table).changeableBy(CurrentUser.of(authentication), new TableScope(year)));
  }

  @Operation(summary = "一行")
  @GetMapping("/{table}/{id:\\d+}")
  Map<String, Object> row(@PathVariable String table, @PathVariable long id) {
    PlanningTable planningTable = tables.get(table);
    return planningTable.toJson(planningTable.find(id).orElseThrow(() -> planningTable.notFound(id)));
  }

  @Operation(summary = "新建一行（与已有行的关键列相同时即为修改）；检查与导入相同")
  @PostMapping("/{table}")
  ResponseEntity<Map<String, Object>> create(@PathVariable String table, @RequestParam(required = false) Integer year,
      @RequestBody Map<String, Object> body, Authentication authentication) {
    PlanningTable planningTable = tables.get(table);
    TableScope scope = new TableScope(year);
    TableRow row = planningTable.fromJson(body, null);
    SaveReport report = planningTable.save(List.of(row), CurrentUser.of(authentication), scope);
    return ResponseEntity.status(report.created() > 0 ? HttpStatus.CREATED : HttpStatus.OK).body(saved(planningTable, row, scope));
  }

  @Operation(summary = "修改一行")
  @PutMapping("/{table}/{id:\\d+}")
  Map<String, Object> change(@PathVariable String table, @PathVariable long id, @RequestBody Map<String, Object> body,
      Authentication authentication) {
    PlanningTable planningTable = tables.get(table);
    planningTable.find(id).orElseThrow(() -> planningTable.notFound(id));
    TableScope scope = planningTable.scopeOf(id);
    TableRow row = planningTable.fromJson(body, id);
    planningTable.save(List.of(row), CurrentUser.of(authentication), scope);
    return planningTable.toJson(planningTable.find(id).orElseThrow());
  }

  @Operation(summary = "删除一行（仍被引用的行不能删除）")
  @DeleteMapping("/{table}/{id:\\d+}")
  ResponseEntity<Void> delete(@PathVariable String table, @PathVariable long id, Authentication authentication) {
    tables.get(table).delete(id, CurrentUser.of(authentication));
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "导出为 Excel（.xlsx），列与表头同种子文件中的表")
  @GetMapping("/{table}/export")
  ResponseEntity<StreamingResponseBody> export(@PathVariable String table, @RequestParam(required = false) Integer year) {
    PlanningTable planningTable = tables.get(table);
    List<List<String>> rows = planningTable.sheetRows(new TableScope(year));
    return excel(planningTable.sheetName() + (year == null ? "" : "（" + year + "年）") + ".xlsx",
        out -> ExcelTableWriter.write(out, planningTable.layout(), rows));
  }

  @Operation(summary = "下载空白模板（.xlsx），含表头与下拉选项")
  @GetMapping("/{table}/template")
  ResponseEntity<StreamingResponseBody> template(@PathVariable String table) {
    PlanningTable planningTable = tables.get(table);
    return excel(planningTable.sheetName() + "（模板）.xlsx", out -> ExcelTableWriter.write(out, planningTable.layout(), List.of()));
  }

  @Operation(summary = "从 Excel 导入：整张表先全部检查，任何一处有误都不写入，并一次指出所有问题（工作表、行、列和原因）；"
      + "与已有行关键列相同的行为修改，其余为新建；导出后已被他人修改的行为冲突（409），不会被覆盖。"
      + "dryRun=true 只预览：将新建、修改（逐格旧值→新值）、不变的行，冲突与问题，不写入任何数据")
  @PostMapping(value = "/{table}/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  Object importSheet(@PathVariable String table, @RequestParam(required = false) Integer year,
      @RequestParam(defaultValue = "false") boolean dryRun, @RequestPart("file") MultipartFile file,
      Authentication authentication) throws IOException {
    PlanningTable planningTable = tables.get(table);
    TableScope scope = new TableScope(year);
    SheetRead read;
    try (InputStream in = file.getInputStream()) {
      read = ExcelTableReader.read(in, file.getOriginalFilename(), planningTable.layout());
    } catch (ExcelImportException unreadable) {
      if (!dryRun) {
        throw unreadable;
      }
      return new ImportPreview(planningTable.id(), planningTable.sheetName(), false, List.of(), List.of(), 0, List.of(),
          unreadable.problems());
    }
    int versionColumn = planningTable.fields().size();
    Offer offer = new Offer(read.sheet(), read.rows().stream().map(row -> new TableRow(row.rowNumber(), null,
        row.values().subList(0, versionColumn), row.value(versionColumn))).toList(), read.problems());
    CurrentUser editor = CurrentUser.of(authentication);
    return dryRun ? planningTable.preview(offer, editor, scope) : planningTable.save(offer, editor, scope);
  }

  @Operation(summary = "修改记录：谁、何时、改了哪张表的哪一行，新的在前，分页；给出 table 与 row（行编号）时只列这一行的")
  @GetMapping("/changes")
  ResponseEntity<List<Change>> changes(@RequestParam(required = false) String table, @RequestParam(required = false) Long row,
      Paging paging) {
    if (row != null && table == null) {
      throw new PlanningException("按行查看修改记录时请同时指定表（table 参数）");
    }
    PlanningTable planningTable = table == null ? null : tables.get(table);
    String rowKey = row == null ? null
        : planningTable.keyOf(planningTable.find(row).orElseThrow(() -> planningTable.notFound(row)).values());
    List<String> tableIds = planningTable == null ? List.of() : rowKey == null ? List.of(planningTable.id()) : planningTable.changeLogIds();
    return paging.answer(changeLog.newest(tableIds, rowKey, paging.offset(), paging.size()), changeLog.count(tableIds, rowKey));
  }

  private static Map<String, Object> saved(PlanningTable table, TableRow row, TableScope scope) {
    String key = table.keyOf(row.values());
    return table.rows(scope).stream().filter(stored -> table.keyOf(stored.values()).equals(key)).findFirst()
        .map(table::toJson).orElseThrow();
  }

  private static ResponseEntity<StreamingResponseBody> excel(String fileName, StreamingResponseBody body) {
    return ResponseEntity.ok().contentType(XLSX)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
        .body(body);
  }

  /**
   * A table as the API describes it: its columns, the column naming the owning units, and whether it is kept per
   * year (then every request names the year).
   */
  record TableDescription(String id, String sheetName, List<Column> columns, String ownerColumn, boolean perYear) {

    static TableDescription of(PlanningTable table) {
      return new TableDescription(table.id(), table.sheetName(), table.fields().stream().map(Column::of).toList(),
          table.ownerKey(), table.perYear());
    }
  }

  /** A column: field key, Chinese header, whether required, allowed values, whether the product computes it. */
  record Column(String key, String header, boolean required, List<String> allowed, boolean computed) {

    static Column of(Field field) {
      ColumnSpec column = field.column();
      return new Column(field.key(), column.header(), column.required(), column.allowed(), field.computed());
    }
  }
}
