package cn.zhengai.planning;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhengai.support.EngineRest;
import cn.zhengai.support.MutableClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;

/**
 * The target chain, the standard chain, task tracking and the build schedule through the application, the way
 * users reach them: the REST API with their own accounts, Excel files downloaded and uploaded. Each test uses rows
 * of its own (names starting with 测试), beside the seed's demo rows. Run on H2 in the shared app
 * ({@link PlanningOnH2Test}) and on PostgreSQL ({@link cn.zhengai.ScenariosOnPostgresTest}).
 */
public abstract class PlanningScenarios {

  static final String ACADEMIC_AFFAIRS_HEAD = "wangfang"; // 教务处
  static final String PERSONNEL_HEAD = "chenjie"; // 人事处
  static final String QA_OFFICE_HEAD = "zhouqiang"; // 质管办
  static final String AUTOMOTIVE_DEAN = "xujun"; // 汽车工程学院
  static final String TEACHER = "linfeng"; // 汽车工程学院
  static final String STUDENT = "zhangxiaoyu"; // 汽车工程学院

  @Autowired TestRestTemplate http;
  final MutableClock clock = new MutableClock();

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  // ---- the seed's tables as demo data

  @Test
  void afterTheFirstStartTheSystemHoldsTheSeedsTables478RowForRow() throws IOException {
    assertThat(columns(seedRows("table4.txt", 3), 0, 1, 2)).isEqualTo(columns(demoRows("plans", "category", "name", "responsible"), 0, 1, 2));
    List<List<String>> table7 = seedRows("table7.txt", 3);
    // the seed's 表7 writes 课程诊断标准 in its first column with no department; its 表8 gives 教务处
    table7.replaceAll(row -> row.get(1).isEmpty() ? List.of("课程", row.get(0), "教务处") : row);
    assertThat(demoRows("standards", "level", "name", "responsible")).isEqualTo(table7);
    // the seed's 表8 lost a row and cut one text short; the demo data has them whole
    List<List<String>> table8 = new ArrayList<>(columns(seedRows("table8.txt", 5), 0, 1, 2, 3));
    table8.replaceAll(row -> row.get(1).equals("学生全面发展相关制") ? List.of(row.get(0), "学生全面发展相关制度", row.get(2), row.get(3)) : row);
    table8.add(List.of("平台建设", "建设校本数据平台", "信息中心", "2019.12"));
    assertThat(demoRows("schedule", "project", "content", "responsible", "due")).isEqualTo(table8);
    // its items of 2017–2019 are history: done, so that a first start sends no overdue warnings about them
    assertThat(as(TEACHER).get("/api/planning/schedule").expect(200).json())
        .filteredOn(row -> row.get("due").asText().matches("201[7-9].*"))
        .hasSize(90 - 3).allSatisfy(row -> assertThat(row.get("doneOn").asText()).startsWith(row.get("due").asText().substring(0, 4)));
    assertThat(as(QA_OFFICE_HEAD).get("/api/planning/changes?table=schedule&size=2000").expect(200).json())
        .anySatisfy(change -> assertThat(change.get("changedBy").asText()).isEqualTo("demo-data"));
  }

  @Test
  void theSeedsPlansFormOneTreeUnderTheTotalPlan() {
    JsonNode plans = as(TEACHER).get("/api/planning/plans").expect(200).json();
    assertThat(plans).filteredOn(plan -> plan.get("parent").asText().isEmpty()).extracting(plan -> plan.get("name").asText())
        .contains("学校“十三五”发展规划");
    assertThat(plans).filteredOn(plan -> plan.get("name").asText().equals("学生个人发展规划")).singleElement()
        .satisfies(plan -> assertThat(plan.get("parent").asText()).isEqualTo("各班级建设规划"));
  }

  // ---- Excel: templates, round trip, refusals

  @Test
  void everyTableHasATemplateWithTheSeedsHeadersAndNothingElse() throws IOException {
    for (JsonNode table : as(TEACHER).get("/api/planning/tables").expect(200).json()) {
      try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
          as(TEACHER).download("/api/planning/" + table.get("id").asText() + "/template")))) {
        Sheet sheet = workbook.getSheetAt(0);
        assertThat(sheet.getSheetName()).isEqualTo(table.get("sheetName").asText());
        List<String> headers = new ArrayList<>();
        sheet.getRow(0).forEach(cell -> headers.add(cell.getStringCellValue()));
        List<String> columns = new ArrayList<>(StreamSupport.stream(table.get("columns").spliterator(), false)
            .map(column -> column.get("header").asText()).toList());
        columns.add("行版本");
        assertThat(headers).isEqualTo(columns);
        assertThat(sheet.getLastRowNum()).as(table.get("id").asText()).isZero();
      }
    }
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(as(TEACHER).download("/api/planning/plans/template")))) {
      assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("规划类别");
      assertThat(workbook.getSheetAt(0).getRow(0).getCell(2).getStringCellValue()).isEqualTo("责任部门");
    }
  }

  @Test
  void everyTableExportedAndImportedAgainGivesBackTheSameData() throws IOException {
    EngineRest qa = as(QA_OFFICE_HEAD);
    fillEveryTable(qa, "测试往返", 2027);
    for (JsonNode table : qa.get("/api/planning/tables").expect(200).json()) {
      String id = table.get("id").asText();
      String year = id.contains("task") ? "?year=2027" : "";
      JsonNode before = qa.get("/api/planning/" + id + year).expect(200).json();
      assertThat(before).as(id).isNotEmpty();
      byte[] exported = qa.download("/api/planning/" + id + "/export" + year);
      JsonNode report = qa.upload("/api/planning/" + id + "/import" + year, "export.xlsx", exported).expect(200).json();
      assertThat(report.get("unchanged").asInt()).as(id).isEqualTo(before.size());
      assertThat(report.get("created").asInt() + report.get("changed").asInt()).as(id).isZero();
      assertThat(qa.get("/api/planning/" + id + year).expect(200).json()).as(id).isEqualTo(before);
    }
    // a row deleted comes back from the export, with the same values
    JsonNode work = only(qa.get("/api/planning/work-items").expect(200).json(), "description", "测试往返工作");
    byte[] exported = qa.download("/api/planning/work-items/export");
    qa.delete("/api/planning/work-items/" + work.get("id").asText()).expect(204);
    JsonNode report = qa.upload("/api/planning/work-items/import", "表2.xlsx", exported).expect(200).json();
    assertThat(report.get("created").asInt()).isEqualTo(1);
    JsonNode back = only(qa.get("/api/planning/work-items").expect(200).json(), "description", "测试往返工作");
    assertThat(withoutId(back)).isEqualTo(withoutId(work));
  }

  @Test
  void anImportWithMistakesWritesNothingAndNamesSheetRowColumnAndProblem() throws IOException {
    EngineRest qa = as(QA_OFFICE_HEAD);
    int plansBefore = qa.get("/api/planning/plans").expect(200).json().size();
    String changesBefore = qa.get("/api/planning/changes?size=1").expect(200).header("X-Total-Count");
    byte[] file = sheet("plans", List.of(
        List.of("专项规划", "测试导入甲规划", "教务处", "专业建设规划"),
        List.of("专项规划", "测试导入乙规划", "后勤集团", "专业建设规划"),
        List.of("专项规划", "测试导入丙规划", "教务处", "测试不存在的规划"),
        List.of("远景规划", "测试导入丁规划", "教务处", "专业建设规划"),
        List.of("专项规划", "测试导入甲规划", "教务处", "专业建设规划"),
        List.of("专项规划", "测试导入戊规划", "教务处", "测试导入己规划"),
        List.of("专项规划", "测试导入己规划", "教务处", "测试导入戊规划")));
    JsonNode refusal = qa.upload("/api/planning/plans/import", "规划.xlsx", file).expect(400).json();
    assertThat(refusal.get("message").asText()).startsWith("未写入任何数据");
    // one round: the wrong cell of one row, and the table's rules on every other row
    assertThat(texts(refusal.get("problems"))).containsExactly(
        "工作表「表4 发展规划目标链」第 3 行「责任部门」列：“后勤集团”不是本校的部门或教学单位",
        "工作表「表4 发展规划目标链」第 4 行「上级规划」列：上级规划“测试不存在的规划”不存在（既不在系统中，也不在本次导入的行中）",
        "工作表「表4 发展规划目标链」第 5 行「规划类别」列：“远景规划”不是允许的值，应为 总规划、专项规划、子规划、学校、专业、课程、师资、学生",
        "工作表「表4 发展规划目标链」第 6 行：与第 2 行重复（测试导入甲规划）",
        "工作表「表4 发展规划目标链」第 7 行「上级规划」列：上级规划“测试导入己规划”会使规划互为上级，形成循环",
        "工作表「表4 发展规划目标链」第 8 行「上级规划」列：上级规划“测试导入戊规划”会使规划互为上级，形成循环");
    assertThat(qa.get("/api/planning/plans").expect(200).json()).hasSize(plansBefore);
    assertThat(qa.get("/api/planning/changes?size=1").expect(200).header("X-Total-Count")).isEqualTo(changesBefore);

    byte[] targets = sheet("targets", List.of(
        List.of("测试导入-1", "专业对口就业率", "测试没有的规划", "", "%", "大于等于", "很多", "", "", "", "教务处", "", "2027年", ""),
        List.of("测试导入-2", "毕业率", "专业建设规划", "", "%", "≥", "90", "95", "", "", "各教学单位", "", "2027年", "去年 85")));
    refusal = qa.upload("/api/planning/targets/import", "目标.xlsx", targets).expect(400).json();
    assertThat(texts(refusal.get("problems"))).containsExactlyInAnyOrder(
        "工作表「目标指标」第 2 行「比较方式」列：“大于等于”不是允许的值，应为 >、<、=、≥、≤",
        "工作表「目标指标」第 2 行「目标值」列：“很多”不是数字",
        "工作表「目标指标」第 3 行「责任部门」列：应为一个部门或教学单位，而不是“各教学单位”",
        "工作表「目标指标」第 3 行「目标值」列：目标值 90 应不低于标准值 95（比较方式为 ≥）",
        "工作表「目标指标」第 3 行「往年数值」列：“去年 85”应写成 年份:数值，多个用；分隔，例如 2024:85；2025:88");
    targets = sheet("targets", List.of(
        List.of("测试导入-1", "专业对口就业率", "测试没有的规划", "测试导入-9", "%", "≥", "95", "", "", "", "教务处", "", "2027年", ""),
        List.of("测试导入-2", "毕业率", "专业建设规划", "", "%", "≥", "90", "95", "", "", "各教学单位", "", "2027年", "去年 85")));
    refusal = qa.upload("/api/planning/targets/import", "目标.xlsx", targets).expect(400).json();
    assertThat(texts(refusal.get("problems"))).containsExactlyInAnyOrder(
        "工作表「目标指标」第 2 行「所属规划」列：所属规划“测试没有的规划”不存在，请先在表4中建立",
        "工作表「目标指标」第 2 行「上级目标编号」列：上级目标“测试导入-9”不存在",
        "工作表「目标指标」第 3 行「责任部门」列：应为一个部门或教学单位，而不是“各教学单位”",
        "工作表「目标指标」第 3 行「目标值」列：目标值 90 应不低于标准值 95（比较方式为 ≥）",
        "工作表「目标指标」第 3 行「往年数值」列：“去年 85”应写成 年份:数值，多个用；分隔，例如 2024:85；2025:88");

    byte[] tasks = sheet("task-tracking", List.of(
        tracking("学校年度工作要点", "重点工作", "测试导入任务", "下周", "教务处"),
        tracking("学校年度工作要点", "常规工作", "测试导入任务二", "2028-03-01", "教务处")));
    refusal = qa.upload("/api/planning/task-tracking/import?year=2027", "表6.xlsx", tasks).expect(400).json();
    assertThat(texts(refusal.get("problems"))).containsExactly(
        "工作表「表6 部门工作任务完成情况」第 2 行「完成时限」列：“下周”不是日期（应为 2027-02-26 这样的日期）",
        "工作表「表6 部门工作任务完成情况」第 3 行「完成时限」列：完成时限 2028-03-01 不在 2027 年内（本表为 2027 年度）");
    tasks = sheet("task-tracking", List.of(tracking("学校年度工作要点", "常规工作", "测试导入任务二", "2028-03-01", "教务处")));
    assertThat(texts(qa.upload("/api/planning/task-tracking/import?year=2027", "表6.xlsx", tasks).expect(400).json().get("problems")))
        .containsExactly("工作表「表6 部门工作任务完成情况」第 2 行「完成时限」列：完成时限 2028-03-01 不在 2027 年内（本表为 2027 年度）");
    assertThat(qa.upload("/api/planning/task-tracking/import", "表6.xlsx", tasks).expect(400).json().get("message").asText())
        .isEqualTo("请指定年度（year 参数），例如 year=2027");
    assertThat(qa.get("/api/planning/task-tracking?year=2027").expect(200).json())
        .noneSatisfy(task -> assertThat(task.get("title").asText()).startsWith("测试导入任务"));
  }

  @Test
  void whatIsNotAReasonableExcelFileIsRefusedBeforeItIsRead() throws IOException {
    EngineRest qa = as(QA_OFFICE_HEAD);
    assertThat(refusal(qa.upload("/api/planning/schedule/import", "进程.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11})))
        .isEqualTo("不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再导入");
    assertThat(refusal(qa.upload("/api/planning/schedule/import", "进程.csv", "工作项目,工作内容".getBytes(StandardCharsets.UTF_8))))
        .isEqualTo("只能导入 Excel .xlsx 文件，收到的是“进程.csv”");
    assertThat(refusal(qa.upload("/api/planning/schedule/import", "进程.xlsx", "工作项目\t工作内容".getBytes(StandardCharsets.UTF_8))))
        .isEqualTo("不是 Excel .xlsx 文件（文件内容无法识别）");
    assertThat(refusal(qa.upload("/api/planning/schedule/import", "进程.xlsx", new byte[0]))).isEqualTo("文件为空");
    assertThat(refusal(qa.upload("/api/planning/schedule/import", "进程.xlsx", new byte[50 * 1024 * 1024 + 1])))
        .isEqualTo("文件过大，上限为 50 MB");
    // a sheet of another table: the headers say so
    assertThat(refusal(qa.upload("/api/planning/schedule/import", "规划.xlsx", as(QA_OFFICE_HEAD).download("/api/planning/plans/template"))))
        .startsWith("工作表「表4 发展规划目标链」第 1 行：表头缺少必填列「工作项目」「工作内容」「完成时间」；本表的表头为“工作项目、工作内容、责任部门、完成时间、备注、完成日期、行版本”");
  }

  @Test
  void aPreviewShowsWhatAnImportWouldDoAndWritesNothing() throws IOException {
    EngineRest qa = as(QA_OFFICE_HEAD);
    qa.post("/api/planning/plans", Map.of("category", "专项规划", "name", "测试预览专项规划", "responsible", "教务处", "parent", "专业建设规划"))
        .expect(201);
    byte[] export = qa.download("/api/planning/plans/export");
    JsonNode before = qa.get("/api/planning/plans").expect(200).json();
    String changesBefore = qa.get("/api/planning/changes?size=1").expect(200).header("X-Total-Count");
    byte[] edited = edited(export, "测试预览专项规划", 2, "人事处", List.of("专项规划", "测试预览新规划", "教务处", ""));

    JsonNode preview = qa.upload("/api/planning/plans/import?dryRun=true", "表4.xlsx", edited).expect(200).json();
    assertThat(preview.get("table").asText()).isEqualTo("plans");
    assertThat(preview.get("sheet").asText()).isEqualTo("表4 发展规划目标链");
    assertThat(preview.get("ok").asBoolean()).isTrue();
    assertThat(preview.get("unchanged").asInt()).isEqualTo(before.size() - 1);
    JsonNode changed = preview.get("changed").get(0);
    assertThat(changed.get("key").asText()).isEqualTo("测试预览专项规划");
    assertThat(changed.get("id").asLong()).isEqualTo(only(before, "name", "测试预览专项规划").get("id").asLong());
    assertThat(changed.get("cells")).singleElement().satisfies(cell -> assertThat(cell.get("column").asText() + "：" + cell.get("before").asText()
        + " → " + cell.get("after").asText()).isEqualTo("责任部门：教务处 → 人事处"));
    // a special plan that names no parent serves the total plan
    JsonNode created = preview.get("created").get(0);
    assertThat(created.get("row").asInt()).isEqualTo(before.size() + 2);
    assertThat(created.get("values").get("上级规划").asText()).isEqualTo("学校“十三五”发展规划");
    assertThat(preview.get("problems")).isEmpty();
    assertThat(qa.get("/api/planning/plans").expect(200).json()).isEqualTo(before);
    assertThat(qa.get("/api/planning/changes?size=1").expect(200).header("X-Total-Count")).isEqualTo(changesBefore);

    // the same checks as the import: a wrong row refuses the file, every problem at its sheet, row and column
    byte[] wrong = edited(edited, "测试预览新规划", 2, "后勤集团", null);
    preview = qa.upload("/api/planning/plans/import?dryRun=true", "表4.xlsx", wrong).expect(200).json();
    assertThat(preview.get("ok").asBoolean()).isFalse();
    assertThat(preview.get("problems")).singleElement().satisfies(problem -> assertThat(problem.get("sheet").asText() + "|"
        + problem.get("row").asInt() + "|" + problem.get("column").asText() + "|" + problem.get("message").asText())
        .isEqualTo("表4 发展规划目标链|" + (before.size() + 2) + "|责任部门|“后勤集团”不是本校的部门或教学单位"));
    assertThat(qa.upload("/api/planning/plans/import?dryRun=true", "表4.xlsx", "x".getBytes(StandardCharsets.UTF_8)).expect(200).json()
        .get("problems").get(0).get("message").asText()).isEqualTo("不是 Excel .xlsx 文件（文件内容无法识别）");

    JsonNode report = qa.upload("/api/planning/plans/import", "表4.xlsx", edited).expect(200).json();
    assertThat(report.get("created").asInt() + "/" + report.get("changed").asInt()).isEqualTo("1/1");
    assertThat(only(qa.get("/api/planning/plans").expect(200).json(), "name", "测试预览新规划").get("parent").asText()).isEqualTo("学校“十三五”发展规划");
  }

  @Test
  void aStaleExportNeverOverwritesChangesMadeSinceAndAUnitHeadIsRefusedOnlyForRowsTheyChange() throws IOException {
    clock.setDay(LocalDate.of(2027, 3, 1));
    EngineRest academicAffairs = as(ACADEMIC_AFFAIRS_HEAD);
    EngineRest personnel = as(PERSONNEL_HEAD);
    long ours = academicAffairs.post("/api/planning/plans", Map.of("category", "专项规划", "name", "测试冲突教务处规划", "responsible", "教务处",
        "parent", "专业建设规划")).expect(201).json().get("id").asLong();
    personnel.post("/api/planning/plans", Map.of("category", "专项规划", "name", "测试冲突人事处规划", "responsible", "人事处",
        "parent", "师资队伍建设规划")).expect(201);
    byte[] qaExport = as(QA_OFFICE_HEAD).download("/api/planning/plans/export");
    byte[] personnelExport = personnel.download("/api/planning/plans/export");

    clock.setDay(LocalDate.of(2027, 3, 2));
    academicAffairs.put("/api/planning/plans/" + ours, Map.of("category", "专项规划", "name", "测试冲突教务处规划", "responsible", "教务处",
        "parent", "学校“十三五”发展规划")).expect(200);
    JsonNode before = as(TEACHER).get("/api/planning/plans").expect(200).json();

    // 质管办 imports its older export again as it was: 教务处's later change is left as it is, not reverted
    JsonNode preview = as(QA_OFFICE_HEAD).upload("/api/planning/plans/import?dryRun=true", "表4.xlsx", qaExport).expect(200).json();
    assertThat(preview.get("ok").asBoolean()).isTrue();
    assertThat(preview.get("changed")).isEmpty();
    assertThat(preview.get("conflicts")).isEmpty();
    assertThat(as(QA_OFFICE_HEAD).upload("/api/planning/plans/import", "表4.xlsx", qaExport).expect(200).json().get("changed").asInt()).isZero();
    assertThat(as(TEACHER).get("/api/planning/plans").expect(200).json()).isEqualTo(before);

    // 质管办 changes that row in the older export: a conflict, never an overwrite
    byte[] qaEdited = edited(qaExport, "测试冲突教务处规划", 3, "师资队伍建设规划", null);
    preview = as(QA_OFFICE_HEAD).upload("/api/planning/plans/import?dryRun=true", "表4.xlsx", qaEdited).expect(200).json();
    assertThat(preview.get("ok").asBoolean()).isFalse();
    assertThat(preview.get("changed")).isEmpty();
    assertThat(preview.get("conflicts")).singleElement().satisfies(conflict -> {
      assertThat(conflict.get("id").asLong()).isEqualTo(ours);
      assertThat(conflict.get("key").asText()).isEqualTo("测试冲突教务处规划");
      assertThat(conflict.get("message").asText()).isEqualTo("「测试冲突教务处规划」（责任部门：教务处）在导出后已被 wangfang 于 2027-03-02 12:00 修改；"
          + "为免覆盖这一修改，此行未导入。请重新导出最新的表，在其中修改后再导入");
    });
    JsonNode refusal = as(QA_OFFICE_HEAD).upload("/api/planning/plans/import", "表4.xlsx", qaEdited).expect(409).json();
    assertThat(refusal.get("message").asText()).startsWith("未写入任何数据：工作表「表4 发展规划目标链」中有 1 行在导出后已被他人修改");
    assertThat(refusal.get("conflicts").get(0).get("row").asInt()).isEqualTo(preview.get("conflicts").get(0).get("row").asInt());
    assertThat(as(TEACHER).get("/api/planning/plans").expect(200).json()).isEqualTo(before);

    // a unit head's older export, only their own row changed: the other units' rows are no business of theirs (no 403)
    JsonNode own = personnel.upload("/api/planning/plans/import", "表4.xlsx", edited(personnelExport, "测试冲突人事处规划", 3, "专业建设规划", null))
        .expect(200).json();
    assertThat(own.get("changed").asInt()).isEqualTo(1);
    assertThat(only(as(TEACHER).get("/api/planning/plans").expect(200).json(), "name", "测试冲突教务处规划").get("parent").asText())
        .isEqualTo("学校“十三五”发展规划");
    // changing 教务处's row in that older export: a conflict naming the row and who changed it, not a 403
    JsonNode stale = personnel.upload("/api/planning/plans/import", "表4.xlsx", edited(personnelExport, "测试冲突教务处规划", 3, "师资队伍建设规划", null))
        .expect(409).json();
    assertThat(texts(stale.get("problems"))).singleElement().asString().contains("测试冲突教务处规划", "wangfang");
    // in a fresh export, changing another unit's row stays forbidden, naming the owner
    JsonNode afterOwn = as(TEACHER).get("/api/planning/plans").expect(200).json();
    byte[] fresh = personnel.download("/api/planning/plans/export");
    assertThat(texts(personnel.upload("/api/planning/plans/import", "表4.xlsx", edited(fresh, "测试冲突教务处规划", 3, "专业建设规划", null))
        .expect(403).json().get("problems"))).singleElement().asString().endsWith("无权修改：此行属于「教务处」，只有该部门、质管办和系统管理员可以修改");
    assertThat(as(TEACHER).get("/api/planning/plans").expect(200).json()).isEqualTo(afterOwn);
  }

  @Test
  void theExcelCorpusOfRealFilesIsAnsweredInChineseAndWritesNothing() throws IOException {
    EngineRest qa = as(QA_OFFICE_HEAD);
    clock.setDay(LocalDate.of(2027, 3, 1));
    JsonNode before = qa.get("/api/planning/schedule").expect(200).json();
    // a blank template
    assertThat(refusal(qa.upload("/api/planning/schedule/import", "表8.xlsx", qa.download("/api/planning/schedule/template"))))
        .isEqualTo("工作表「表8 建设与实施进程」：没有找到要导入的行：表头下方是空的（上传的是空白模板？）");
    // impossible and future dates, a month Excel turned into a number
    byte[] dates = sheet("schedule", List.of(List.of("测试语料", "测试语料不存在的日子", "质管办", "2027.02", "", "2027-02-30"),
        List.of("测试语料", "测试语料未来完成", "质管办", "2027.02", "", "2027-03-05")));
    assertThat(texts(qa.upload("/api/planning/schedule/import", "表8.xlsx", dates).expect(400).json().get("problems"))).containsExactly(
        "工作表「表8 建设与实施进程」第 2 行「完成日期」列：“2027-02-30”不是日期（应为 2027-02-26 这样的日期）",
        "工作表「表8 建设与实施进程」第 3 行「完成日期」列：完成日期 2027-03-05 晚于今天 2027-03-01，不能预先填写");
    // the seed's own headers, without the columns the product added; full-width and invisible characters
    byte[] seedsOwn = workbook(List.of("工作项目", "工作内容", "责任部门", "完成时间"),
        List.of(List.of("测试语料", "测试语料\u3000全角\u00A0与空格", "院办,教务处", "２０２７．０５"),
            List.of("", "测试语料继续上一组", "发规处(基建办)", "2027.06")));
    qa.upload("/api/planning/schedule/import", "表8.xlsx", seedsOwn).expect(200);
    JsonNode normalised = only(qa.get("/api/planning/schedule").expect(200).json(), "content", "测试语料 全角 与空格");
    assertThat(normalised.get("responsible").asText() + "|" + normalised.get("due").asText()).isEqualTo("院办、教务处|2027.05");
    JsonNode carried = only(qa.get("/api/planning/schedule").expect(200).json(), "content", "测试语料继续上一组");
    assertThat(carried.get("project").asText() + "|" + carried.get("responsible").asText()).isEqualTo("测试语料|发规处（基建办）");
    // 表7 as the seed types it: no version, no status
    qa.upload("/api/planning/standards/import", "表7.xlsx", workbook(List.of("标准类型", "标准名称", "责任部门"),
        List.of(List.of("学校", "测试语料学校标准", "质管办")))).expect(200);
    JsonNode standard = only(qa.get("/api/planning/standards").expect(200).json(), "name", "测试语料学校标准");
    assertThat(standard.get("version").asText() + "|" + standard.get("status").asText()).isEqualTo("1|现行");
    // Spring's own refusals and an upload over the limit, in Chinese
    assertThat(qa.post("/api/planning/plans", "{").expect(400).json().get("message").asText()).startsWith("请求内容无法读取");
    assertThat(qa.post("/api/planning/schedule/import", Map.of()).expect(415).json().get("message").asText()).startsWith("不支持的请求内容类型");
    assertThat(qa.get("/api/planning/schedule/nothing/here").expect(404).json().get("error").asText()).isEqualTo("未找到");
    assertThat(qa.upload("/api/planning/schedule/import", "表8.xlsx", new byte[53 * 1024 * 1024]).expect(400).json().get("message").asText())
        .isEqualTo("文件过大，上限为 50 MB");
    byte[] truncated = java.util.Arrays.copyOf(dates, dates.length / 2);
    String broken = refusal(qa.upload("/api/planning/schedule/import", "表8.xlsx", truncated));
    assertThat(broken).isEqualTo("文件已损坏或不完整，无法读取；请在 Excel 中打开并另存为 .xlsx 后再导入");
    assertThat(qa.get("/api/planning/schedule").expect(200).json()).hasSize(before.size() + 2);
  }

  @Test
  void deletingTheVersionInForceBringsThePreviousOneBack() {
    EngineRest qa = as(QA_OFFICE_HEAD);
    long first = qa.post("/api/planning/standards", Map.of("level", "学校", "name", "测试删除版本标准", "responsible", "教务处", "version", "1",
        "status", "现行")).expect(201).json().get("id").asLong();
    long second = qa.post("/api/planning/standards/" + first + "/versions", Map.of()).expect(201).json().get("id").asLong();
    assertThat(qa.get("/api/planning/standards/" + first).expect(200).json().get("status").asText()).isEqualTo("已被替代");
    qa.delete("/api/planning/standards/" + second).expect(204);
    assertThat(qa.get("/api/planning/standards/" + first).expect(200).json().get("status").asText()).isEqualTo("现行");
  }

  // ---- access and audit

  @Test
  void onlyTheOwningDepartmentAndTheQaOfficeChangeARowAndEveryChangeRecordsWhoAndWhen() throws IOException {
    clock.setDay(LocalDate.of(2027, 3, 1));
    Map<String, Object> plan = Map.of("category", "专项规划", "name", "测试教务处专项规划", "responsible", "教务处", "parent", "专业建设规划");
    long id = as(ACADEMIC_AFFAIRS_HEAD).post("/api/planning/plans", plan).expect(201).json().get("id").asLong();

    Map<String, Object> renamed = Map.of("category", "专项规划", "name", "测试教务处专项规划（修订）", "responsible", "教务处", "parent", "专业建设规划");
    JsonNode forbidden = as(PERSONNEL_HEAD).put("/api/planning/plans/" + id, renamed).expect(403).json();
    assertThat(texts(forbidden.get("problems"))).containsExactly(
        "工作表「表4 发展规划目标链」「责任部门」列：无权修改：此行属于「教务处」，只有该部门、质管办和系统管理员可以修改");
    // nor may another department take the row over by naming itself
    as(PERSONNEL_HEAD).put("/api/planning/plans/" + id, Map.of("category", "专项规划", "name", "测试教务处专项规划",
        "responsible", "人事处", "parent", "专业建设规划")).expect(403);
    as(STUDENT).put("/api/planning/plans/" + id, renamed).expect(403);
    as(PERSONNEL_HEAD).delete("/api/planning/plans/" + id).expect(403);
    EngineRest.anonymous(http).get("/api/planning/plans").expect(401);
    assertThat(as(STUDENT).get("/api/planning/plans/" + id).expect(200).json().get("name").asText()).isEqualTo("测试教务处专项规划");

    clock.setDay(LocalDate.of(2027, 3, 2));
    assertThat(as(QA_OFFICE_HEAD).put("/api/planning/plans/" + id, renamed).expect(200).json().get("name").asText())
        .isEqualTo("测试教务处专项规划（修订）");
    // a teacher is staff of a teaching unit, and so changes what 各教学单位 owns; a student of the unit is not staff
    Map<String, Object> unitsPlan = Map.of("category", "子规划", "name", "测试教学单位子规划", "responsible", "各教学单位", "parent", "学校“十三五”发展规划");
    as(STUDENT).post("/api/planning/plans", unitsPlan).expect(403);
    as(TEACHER).post("/api/planning/plans", unitsPlan).expect(201);
    as(ACADEMIC_AFFAIRS_HEAD).delete("/api/planning/plans/" + id).expect(204);

    byte[] othersRow = sheet("plans", List.of(List.of("专项规划", "测试人事处导入教务处规划", "教务处", "专业建设规划")));
    assertThat(texts(as(PERSONNEL_HEAD).upload("/api/planning/plans/import", "规划.xlsx", othersRow).expect(403).json().get("problems")))
        .containsExactly("工作表「表4 发展规划目标链」第 2 行「责任部门」列：无权修改：此行属于「教务处」，只有该部门、质管办和系统管理员可以修改");

    JsonNode changes = as(TEACHER).get("/api/planning/changes?table=plans").expect(200).json();
    assertThat(changes).extracting(change -> change.get("rowKey").asText() + " " + change.get("action").asText() + " "
            + change.get("changedBy").asText())
        .containsSubsequence("测试教务处专项规划（修订） DELETED wangfang", "测试教学单位子规划 CREATED linfeng",
            "测试教务处专项规划（修订） CHANGED zhouqiang", "测试教务处专项规划 CREATED wangfang");
    assertThat(changes).filteredOn(change -> change.get("changedBy").asText().equals("zhouqiang")).first()
        .satisfies(change -> assertThat(change.get("changedAt").asText()).startsWith("2027-03-02"));
  }

  @Test
  void theWorkbenchLearnsWhoIsSignedInWhichRowsTheyMayChangeAndWhatEachChangeDidToEachCell() {
    clock.setDay(LocalDate.of(2027, 4, 1));
    JsonNode me = as(ACADEMIC_AFFAIRS_HEAD).get("/api/me").expect(200).json();
    assertThat(me.get("name").asText()).isEqualTo("王芳");
    assertThat(me.get("year").asInt()).isEqualTo(2027);
    assertThat(me.get("units")).extracting(unit -> unit.get("id").asText() + " " + unit.get("name").asText()).containsExactly("jwc 教务处");

    JsonNode tables = as(TEACHER).get("/api/planning/tables").expect(200).json();
    assertThat(only(tables, "id", "plans").get("ownerColumn").asText()).isEqualTo("responsible");
    assertThat(only(tables, "id", "plans").get("perYear").asBoolean()).isFalse();
    assertThat(only(tables, "id", "task-tracking").get("perYear").asBoolean()).isTrue();

    long id = as(ACADEMIC_AFFAIRS_HEAD).post("/api/planning/plans", Map.of("category", "专项规划", "name", "测试工作台规划",
        "responsible", "教务处", "parent", "专业建设规划")).expect(201).json().get("id").asLong();
    long personnelPlan = only(as(TEACHER).get("/api/planning/plans").expect(200).json(), "name", "师资队伍建设规划").get("id").asLong();
    List<Long> academicAffairs = ids(as(ACADEMIC_AFFAIRS_HEAD).get("/api/planning/plans/changeable").expect(200).json());
    assertThat(academicAffairs).contains(id).doesNotContain(personnelPlan);
    assertThat(ids(as(PERSONNEL_HEAD).get("/api/planning/plans/changeable").expect(200).json())).contains(personnelPlan).doesNotContain(id);
    assertThat(ids(as(QA_OFFICE_HEAD).get("/api/planning/plans/changeable").expect(200).json()))
        .hasSize(as(TEACHER).get("/api/planning/plans").expect(200).json().size());
    assertThat(as(STUDENT).get("/api/planning/plans/changeable").expect(200).json()).isEmpty();

    clock.setDay(LocalDate.of(2027, 4, 2));
    as(ACADEMIC_AFFAIRS_HEAD).put("/api/planning/plans/" + id, Map.of("category", "专项规划", "name", "测试工作台规划",
        "responsible", "教务处", "parent", "学校“十三五”发展规划")).expect(200);
    JsonNode history = as(TEACHER).get("/api/planning/changes?table=plans&row=" + id).expect(200).json();
    assertThat(history).extracting(change -> change.get("action").asText() + " " + change.get("changedBy").asText())
        .containsExactly("CHANGED wangfang", "CREATED wangfang");
    assertThat(history.get(0).get("cells")).extracting(cell -> cell.get("column").asText() + "：" + cell.get("before").asText()
        + " → " + cell.get("after").asText()).containsExactly("上级规划：专业建设规划 → 学校“十三五”发展规划");
    assertThat(history.get(1).get("cells")).extracting(cell -> cell.get("column").asText() + "：" + cell.get("after").asText())
        .containsExactly("规划类别：专项规划", "规划名称：测试工作台规划", "责任部门：教务处", "上级规划：专业建设规划");
    assertThat(as(TEACHER).get("/api/planning/changes?row=" + id).expect(400).json().get("message").asText()).contains("请同时指定表");
  }

  @Test
  void everyListComesPageByPageWithItsTotalAndALinkToTheNextPage() {
    clock.setDay(LocalDate.of(2027, 4, 5));
    EngineRest academicAffairs = as(ACADEMIC_AFFAIRS_HEAD);
    long id = academicAffairs.post("/api/planning/plans", Map.of("category", "专项规划", "name", "测试分页规划",
        "responsible", "教务处", "parent", "专业建设规划")).expect(201).json().get("id").asLong();
    for (String parent : List.of("学校“十三五”发展规划", "专业建设规划", "学校“十三五”发展规划", "专业建设规划")) {
      academicAffairs.put("/api/planning/plans/" + id, Map.of("category", "专项规划", "name", "测试分页规划", "responsible", "教务处",
          "parent", parent)).expect(200);
    }
    String history = "/api/planning/changes?table=plans&row=" + id;
    EngineRest.Reply first = as(TEACHER).get(history + "&size=3").expect(200);
    assertThat(first.json()).hasSize(3).allSatisfy(change -> assertThat(change.get("action").asText()).isEqualTo("CHANGED"));
    assertThat(first.header("X-Total-Count")).isEqualTo("5");
    assertThat(first.header("Link")).isEqualTo("</api/planning/changes?table=plans&row=" + id + "&page=1&size=3>; rel=\"next\"");
    String next = first.header("Link").replaceAll("^<([^>]+)>.*$", "$1");
    EngineRest.Reply last = as(TEACHER).get(next).expect(200);
    assertThat(last.json()).extracting(change -> change.get("action").asText()).containsExactly("CHANGED", "CREATED");
    assertThat(last.header("Link")).as("no page after the last").isNull();
    assertThat(as(TEACHER).get(history + "&page=2&size=3").expect(200).json()).isEmpty();
    // without page and size: the first page of the default size, the same array as before paging
    assertThat(as(TEACHER).get(history).expect(200).json()).hasSize(5);

    // lists held in memory page the same way
    EngineRest.Reply units = as(TEACHER).get("/api/organisation/units?size=2").expect(200);
    assertThat(units.json()).hasSize(2);
    assertThat(Integer.parseInt(units.header("X-Total-Count"))).isGreaterThan(2);
    assertThat(units.header("Link")).contains("page=1", "size=2");

    assertThat(as(TEACHER).get(history + "&size=2001").expect(400).json().get("message").asText())
        .isEqualTo("每页条数 size 应在 1 到 2000 之间（每页最多 2000 条），收到的是 2001");
    assertThat(as(TEACHER).get("/api/planning/plans?page=-1").expect(400).json().get("message").asText())
        .isEqualTo("页码 page 应为从 0 开始的整数，收到的是 -1");
    assertThat(as(TEACHER).get("/api/notifications?size=很多").expect(400).json().get("message").asText())
        .isEqualTo("每页条数 size 应为整数，收到的是“很多”");
    as(ACADEMIC_AFFAIRS_HEAD).get("/api/planning/warnings?size=5000").expect(400);
  }

  // ---- the standard chain

  @Test
  void aNewVersionOfAStandardSupersedesTheOldOneWhichStaysReadable() {
    EngineRest academicAffairs = as(ACADEMIC_AFFAIRS_HEAD);
    academicAffairs.post("/api/planning/targets", target("测试标准-1", "专业建设规划", "教务处")).expect(201);
    long first = academicAffairs.post("/api/planning/standards", Map.of("level", "课程", "name", "测试课程标准", "responsible", "教务处",
        "version", "1", "effectiveDate", "2026-09-01", "status", "现行", "targets", "测试标准-1")).expect(201).json().get("id").asLong();

    JsonNode second = academicAffairs.post("/api/planning/standards/" + first + "/versions", Map.of("effectiveDate", "2027-09-01"))
        .expect(201).json();
    assertThat(second.get("version").asText()).isEqualTo("2");
    assertThat(second.get("status").asText()).isEqualTo("现行");
    assertThat(second.get("targets").asText()).isEqualTo("测试标准-1");
    JsonNode old = academicAffairs.get("/api/planning/standards/" + first).expect(200).json();
    assertThat(old.get("status").asText()).isEqualTo("已被替代");
    assertThat(old.get("effectiveDate").asText()).isEqualTo("2026-09-01");

    JsonNode refusal = academicAffairs.put("/api/planning/standards/" + first, Map.of("level", "课程", "name", "测试课程标准",
        "responsible", "教务处", "version", "1", "effectiveDate", "2026-09-01", "status", "现行", "targets", "")).expect(400).json();
    assertThat(texts(refusal.get("problems"))).containsExactly("工作表「表7 标准链」：「测试课程标准」第 1 版已被新版本替代，只读；请修改现行版本，或建立新版本");
    as(PERSONNEL_HEAD).post("/api/planning/standards/" + second.get("id").asText() + "/versions", Map.of()).expect(403);
    assertThat(academicAffairs.post("/api/planning/standards", Map.of("level", "课程", "name", "测试课程标准二", "responsible", "教务处",
        "version", "1", "status", "现行", "targets", "测试没有的目标")).expect(400).json().get("problems").get(0).asText())
        .endsWith("目标“测试没有的目标”不存在，请先建立目标指标");
  }

  // ---- task tracking

  @Test
  void progressReportsAloneDecideTheMonthsOfTable6() {
    EngineRest academicAffairs = as(ACADEMIC_AFFAIRS_HEAD);
    clock.setDay(LocalDate.of(2027, 1, 4));
    academicAffairs.post("/api/planning/key-tasks?year=2027", Map.of("title", "测试重点任务：修订人才培养方案", "workStandard", "按专业教学标准",
        "lead", "教务处", "unit", "教务处", "measures", "各专业完成修订", "deadline", "2027-06-30")).expect(201);
    JsonNode task = only(academicAffairs.get("/api/planning/task-tracking?year=2027").expect(200).json(), "title", "测试重点任务：修订人才培养方案");
    assertThat(task.get("kind").asText()).isEqualTo("重点工作");
    assertThat(task.get("source").asText()).isEqualTo("年度重点工作");
    String progress = "/api/planning/task-tracking/" + task.get("id").asText() + "/progress";

    clock.setDay(LocalDate.of(2027, 3, 31));
    academicAffairs.post(progress, Map.of("percent", 20, "note", "完成调研", "reportedOn", "2027-01-25")).expect(201);
    JsonNode march = academicAffairs.post(progress, Map.of("percent", 50, "note", "初稿完成", "reportedOn", "2027-03-20")).expect(201).json();
    // January 20% of a straight line at 17%: on track; February still 20% of 32%: behind; March 50% of 49%
    assertThat(months(march)).containsExactly("正常", "滞后", "正常", "未到期", "未到期", "未到期", "未到期", "未到期", "未到期", "未到期", "未到期", "未到期");

    clock.setDay(LocalDate.of(2027, 8, 31));
    academicAffairs.post(progress, Map.of("percent", 100, "note", "方案发布", "reportedOn", "2027-08-10")).expect(201);
    JsonNode august = only(academicAffairs.get("/api/planning/task-tracking?year=2027").expect(200).json(), "title", "测试重点任务：修订人才培养方案");
    assertThat(months(august).subList(3, 9)).containsExactly("滞后", "滞后", "滞后", "逾期", "已完成", "未到期");
    assertThat(academicAffairs.get(progress).expect(200).json()).extracting(report -> report.get("reportedBy").asText())
        .containsOnly("wangfang").hasSize(3);

    as(PERSONNEL_HEAD).post(progress, Map.of("percent", 100)).expect(403);
    assertThat(academicAffairs.post(progress, Map.of("percent", 120)).expect(400).json().get("message").asText())
        .isEqualTo("完成百分比应为 0 到 100 之间的整数，收到的是 120");
    assertThat(academicAffairs.post(progress, Map.of("percent", 90, "reportedOn", "2027-09-30")).expect(400).json().get("message").asText())
        .isEqualTo("填报日期 2027-09-30 晚于今天 2027-08-31，不能预先填报");
    // the months are the product's: what a sheet says about them is not taken in
    academicAffairs.put("/api/planning/task-tracking/" + task.get("id").asText(), Map.of("source", "年度重点工作", "kind", "重点工作",
        "title", "测试重点任务：修订人才培养方案", "deadline", "2027-06-30", "month1", "已完成", "unit", "教务处", "person", "王芳")).expect(200);
    assertThat(months(only(academicAffairs.get("/api/planning/task-tracking?year=2027").expect(200).json(), "title", "测试重点任务：修订人才培养方案")).get(0))
        .isEqualTo("正常");
  }

  @Test
  void seasonalWorkIsJudgedFromItsPlannedStart() {
    EngineRest academicAffairs = as(ACADEMIC_AFFAIRS_HEAD);
    clock.setDay(LocalDate.of(2027, 1, 4));
    Map<String, Object> task = new HashMap<>(Map.of("source", "学校年度工作要点", "kind", "常规工作", "title", "测试季节任务：新生入学教育",
        "deadline", "2027-09-30", "unit", "教务处", "start", "2027-10-08"));
    assertThat(texts(academicAffairs.post("/api/planning/task-tracking?year=2027", task).expect(400).json().get("problems")))
        .anySatisfy(problem -> assertThat(problem).contains("计划开始 2027-10-08 晚于完成时限 2027-09-30"));
    task.put("start", "2027-08-01");
    academicAffairs.post("/api/planning/task-tracking?year=2027", task).expect(201);

    clock.setDay(LocalDate.of(2027, 5, 31));
    JsonNode may = only(academicAffairs.get("/api/planning/task-tracking?year=2027").expect(200).json(), "title", "测试季节任务：新生入学教育");
    assertThat(may.get("start").asText()).isEqualTo("2027-08-01");
    // nothing reported before its work starts in August: not 滞后
    assertThat(months(may).subList(0, 5)).containsOnly("正常");
    clock.setDay(LocalDate.of(2027, 8, 31));
    JsonNode august = only(academicAffairs.get("/api/planning/task-tracking?year=2027").expect(200).json(), "title", "测试季节任务：新生入学教育");
    assertThat(months(august).get(7)).as("a month into its plan with nothing done").isEqualTo("滞后");
    academicAffairs.delete("/api/planning/task-tracking/" + august.get("id").asText()).expect(204);
  }

  // ---- deadline warnings

  @Test
  void deadlinesWarnTheResponsibleDepartmentOnceBeforeAndOnceAfterInOneDigestPerPersonAndDay() throws IOException {
    EngineRest academicAffairs = as(ACADEMIC_AFFAIRS_HEAD);
    clock.setDay(LocalDate.of(2027, 1, 4));
    academicAffairs.post("/api/planning/task-tracking?year=2027", Map.of("source", "学校年度工作要点", "kind", "常规工作",
        "title", "测试预警任务：期中教学检查", "deadline", "2027-05-20", "unit", "教务处", "person", "王芳")).expect(201);
    academicAffairs.post("/api/planning/task-tracking?year=2027", Map.of("source", "学校年度工作要点", "kind", "常规工作",
        "title", "测试预警任务：已完成的检查", "deadline", "2027-05-20", "unit", "教务处")).expect(201);
    long done = only(academicAffairs.get("/api/planning/task-tracking?year=2027").expect(200).json(), "title", "测试预警任务：已完成的检查").get("id").asLong();
    academicAffairs.post("/api/planning/task-tracking/" + done + "/progress", Map.of("percent", 100)).expect(201);
    as(QA_OFFICE_HEAD).post("/api/planning/schedule", Map.of("project", "测试进程", "content", "测试进程各教学单位完成自评", "responsible", "各教学单位",
        "due", "2027.05")).expect(201);

    // last year's open task is still overdue after New Year; the years before are history and not scanned again
    clock.setDay(LocalDate.of(2025, 6, 1));
    academicAffairs.post("/api/planning/task-tracking?year=2025", Map.of("source", "学校年度工作要点", "kind", "常规工作",
        "title", "测试预警任务：前年未完成", "deadline", "2025-06-30", "unit", "教务处")).expect(201);
    clock.setDay(LocalDate.of(2026, 12, 1));
    academicAffairs.post("/api/planning/task-tracking?year=2026", Map.of("source", "学校年度工作要点", "kind", "常规工作",
        "title", "测试预警任务：去年未完成", "deadline", "2026-12-20", "unit", "教务处")).expect(201);

    // 每年初 items of the seed fall due on the calendar's date for the annual plans, 2027-02-26
    scanOn(LocalDate.of(2027, 2, 20));
    assertThat(digest("liming", "2027-02-20")).contains("即将到期｜建设进程「目标体系：学校年度工作计划」（院办）完成时限 2027-02-26");
    assertThat(digest(ACADEMIC_AFFAIRS_HEAD, "2027-02-20")).contains("已逾期｜任务「测试预警任务：去年未完成」（教务处）完成时限 2026-12-20")
        .doesNotContain("前年未完成");
    scanOn(LocalDate.of(2027, 2, 21));
    assertThat(digest(ACADEMIC_AFFAIRS_HEAD, "2027-02-21")).as("warned once").doesNotContain("去年未完成");

    scanOn(LocalDate.of(2027, 5, 10));
    assertThat(digest(ACADEMIC_AFFAIRS_HEAD, "2027-05-10")).doesNotContain("测试预警任务");
    scanOn(LocalDate.of(2027, 5, 13));
    assertThat(digest(ACADEMIC_AFFAIRS_HEAD, "2027-05-13")).contains("即将到期｜任务「测试预警任务：期中教学检查」（教务处）完成时限 2027-05-20")
        .doesNotContain("已完成的检查");
    scanOn(LocalDate.of(2027, 5, 19));
    scanOn(LocalDate.of(2027, 5, 21));
    assertThat(digest(ACADEMIC_AFFAIRS_HEAD, "2027-05-21")).contains("已逾期｜任务「测试预警任务：期中教学检查」（教务处）完成时限 2027-05-20");
    // a second scan the same day adds to the same message: one per person and day
    academicAffairs.post("/api/planning/task-tracking?year=2027", Map.of("source", "学校年度工作要点", "kind", "常规工作",
        "title", "测试预警任务：补充检查", "deadline", "2027-05-25", "unit", "教务处")).expect(201);
    scanOn(LocalDate.of(2027, 5, 21));
    assertThat(digest(ACADEMIC_AFFAIRS_HEAD, "2027-05-21")).contains("测试预警任务：期中教学检查", "即将到期｜任务「测试预警任务：补充检查」");
    scanOn(LocalDate.of(2027, 5, 22));
    scanOn(LocalDate.of(2027, 5, 25));
    scanOn(LocalDate.of(2027, 6, 1));
    // 表8's item of 各教学单位 reaches the head of each teaching unit, once per stage
    assertThat(digest(AUTOMOTIVE_DEAN, "2027-05-25")).contains("即将到期｜建设进程「测试进程：测试进程各教学单位完成自评」（汽车工程学院）完成时限 2027-05-31");
    assertThat(digest(AUTOMOTIVE_DEAN, "2027-06-01")).contains("已逾期｜建设进程「测试进程：测试进程各教学单位完成自评」（汽车工程学院）完成时限 2027-05-31");
    assertThat(as(AUTOMOTIVE_DEAN).get("/api/notifications").expect(200).json()).filteredOn(n -> n.get("body").asText().contains("测试进程"))
        .hasSize(2);
    assertThat(as(QA_OFFICE_HEAD).get("/api/notifications").expect(200).json()).noneSatisfy(n ->
        assertThat(n.get("body").asText()).contains("测试预警任务"));

    // many items due: still one message, its list cut short, the whole list paged
    List<List<String>> many = new ArrayList<>();
    for (int i = 1; i <= 25; i++) {
      many.add(tracking("学校年度工作要点", "常规工作", "测试预警批量任务" + i, "2027-06-05", "教务处"));
    }
    as(QA_OFFICE_HEAD).upload("/api/planning/task-tracking/import?year=2027", "表6.xlsx", sheet("task-tracking", many)).expect(200);
    scanOn(LocalDate.of(2027, 6, 2));
    assertThat(as(ACADEMIC_AFFAIRS_HEAD).get("/api/notifications").expect(200).json())
        .filteredOn(n -> n.get("subject").asText().startsWith("【到期预警】2027-06-02")).singleElement()
        .satisfies(n -> assertThat(n.get("body").asText()).contains("…… 另有 15 项", "/api/planning/warnings?day=2027-06-02"));
    JsonNode page = as(ACADEMIC_AFFAIRS_HEAD).get("/api/planning/warnings?day=2027-06-02&page=1&size=20").expect(200).json();
    assertThat(page.get("total").asInt()).isEqualTo(25);
    assertThat(page.get("items")).hasSize(5).allSatisfy(item -> assertThat(item.get("what").asText()).startsWith("任务「测试预警批量任务"));
    academicAffairs.post("/api/planning/warnings/scan", null).expect(403);
  }

  // ---- helpers

  private void scanOn(LocalDate day) {
    clock.setDay(day);
    as(QA_OFFICE_HEAD).post("/api/planning/warnings/scan", null).expect(200);
  }

  /** The body of a person's one digest of a day's deadline warnings ("" when none came). */
  private String digest(String user, String day) {
    List<String> bodies = new ArrayList<>();
    for (JsonNode notification : as(user).get("/api/notifications").expect(200).json()) {
      if (notification.get("subject").asText().startsWith("【到期预警】" + day)) {
        bodies.add(notification.get("body").asText());
      }
    }
    assertThat(bodies).as("digests of " + user + " on " + day).hasSizeLessThanOrEqualTo(1);
    return bodies.isEmpty() ? "" : bodies.get(0);
  }

  /** One row of each table, owned by 教务处, with names starting with the prefix. */
  private void fillEveryTable(EngineRest user, String prefix, int year) {
    user.post("/api/planning/duties", Map.of("unit", "教务处", "scope", "在系统内的职责", "description", prefix + "职责")).expect(201);
    user.post("/api/planning/work-items", Map.of("unit", "教务处", "duty", prefix + "职责", "description", prefix + "工作",
        "post", "教学运行岗", "office", "教学运行科")).expect(201);
    JsonNode item = only(user.get("/api/planning/work-standards").expect(200).json(), "description", prefix + "工作");
    user.put("/api/planning/work-standards/" + item.get("id").asText(), Map.of("unit", "教务处", "office", "教学运行科", "post", "教学运行岗",
        "description", prefix + "工作", "standard", "每学期开学前一周完成")).expect(200);
    user.post("/api/planning/targets", target(prefix + "-1", "专业建设规划", "教务处")).expect(201);
    Map<String, Object> child = new java.util.HashMap<>(target(prefix + "-2", "各专业建设规划", "汽车工程学院"));
    child.put("parent", prefix + "-1");
    child.put("earlierValues", "2025:88；2026:90");
    user.post("/api/planning/targets", child).expect(201);
    user.post("/api/planning/key-tasks?year=" + year, Map.of("title", prefix + "重点任务", "lead", "教务处", "unit", "教务处",
        "deadline", year + "-06-30")).expect(201);
    user.post("/api/planning/task-tracking?year=" + year, Map.of("source", "临时交办", "kind", "临时工作", "title", prefix + "临时任务",
        "deadline", year + "-09-30", "unit", "教务处", "person", "王芳")).expect(201);
    user.post("/api/planning/standards", Map.of("level", "专业", "name", prefix + "标准", "responsible", "教务处", "version", "1",
        "effectiveDate", year + "-09-01", "status", "现行", "targets", prefix + "-1、" + prefix + "-2")).expect(201);
  }

  private static Map<String, Object> target(String code, String plan, String owner) {
    return Map.of("code", code, "name", "专业对口就业率", "plan", plan, "unitOfMeasure", "%", "comparison", "≥", "targetValue", "95",
        "standardValue", "90", "warningValue", "92", "owner", owner, "period", "2027年");
  }

  private static List<String> tracking(String source, String kind, String title, String deadline, String unit) {
    List<String> row = new ArrayList<>(List.of(source, kind, title, deadline));
    for (int month = 1; month <= 12; month++) {
      row.add("");
    }
    row.add(unit);
    row.add("");
    return row;
  }

  /** A sheet as a user makes it: the downloaded template, filled in. */
  private byte[] sheet(String table, List<List<String>> rows) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(as(QA_OFFICE_HEAD).download("/api/planning/" + table + "/template")));
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.getSheetAt(0);
      for (int i = 0; i < rows.size(); i++) {
        Row row = sheet.createRow(i + 1);
        for (int column = 0; column < rows.get(i).size(); column++) {
          if (!rows.get(i).get(column).isEmpty()) {
            row.createCell(column).setCellValue(rows.get(i).get(column));
          }
        }
      }
      workbook.write(out);
      return out.toByteArray();
    }
  }

  /** An exported sheet edited as a user does: one cell of the row whose second column is {@code key}, maybe a row added. */
  private static byte[] edited(byte[] xlsx, String key, int column, String value, List<String> added) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.getSheetAt(0);
      for (Row row : sheet) {
        if (row.getCell(1) != null && row.getCell(1).getStringCellValue().equals(key)) {
          row.createCell(column).setCellValue(value);
        }
      }
      if (added != null) {
        Row row = sheet.createRow(sheet.getLastRowNum() + 1);
        for (int i = 0; i < added.size(); i++) {
          row.createCell(i).setCellValue(added.get(i));
        }
      }
      workbook.write(out);
      return out.toByteArray();
    }
  }

  /** A workbook typed from scratch, with the headers a user chose. */
  private static byte[] workbook(List<String> headers, List<List<String>> rows) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet("Sheet1");
      Row header = sheet.createRow(0);
      for (int i = 0; i < headers.size(); i++) {
        header.createCell(i).setCellValue(headers.get(i));
      }
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r + 1);
        for (int i = 0; i < rows.get(r).size(); i++) {
          row.createCell(i).setCellValue(rows.get(r).get(i));
        }
      }
      workbook.write(out);
      return out.toByteArray();
    }
  }

  private static String refusal(EngineRest.Reply reply) {
    JsonNode problems = reply.expect(400).json().get("problems");
    assertThat(problems).hasSize(1);
    return problems.get(0).asText();
  }

  private static List<String> months(JsonNode task) {
    List<String> months = new ArrayList<>();
    for (int month = 1; month <= 12; month++) {
      months.add(task.get("month" + month).asText());
    }
    return months;
  }

  private static JsonNode only(JsonNode rows, String field, String value) {
    List<JsonNode> matching = StreamSupport.stream(rows.spliterator(), false).filter(row -> row.get(field).asText().equals(value)).toList();
    assertThat(matching).as(field + " = " + value).hasSize(1);
    return matching.get(0);
  }

  private static Map<String, Object> withoutId(JsonNode row) {
    Map<String, Object> values = new java.util.LinkedHashMap<>();
    row.fields().forEachRemaining(field -> values.put(field.getKey(), field.getValue().asText()));
    values.remove("id");
    return values;
  }

  private static List<Long> ids(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asLong).toList();
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  /** The demo rows of a table (the tests' own rows left out), the given fields of each. */
  private List<List<String>> demoRows(String table, String... fields) {
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode row : as(TEACHER).get("/api/planning/" + table).expect(200).json()) {
      if (!row.get(fields[1]).asText().startsWith("测试")) {
        rows.add(java.util.Arrays.stream(fields).map(field -> row.get(field).asText()).toList());
      }
    }
    return rows;
  }

  /**
   * The rows of one of the seed's tables as the seed's text has them (copied verbatim into the test resources):
   * tab-separated, a group's first column written once, blank lines between pages. Two rows of 表8 lost their
   * leading tab in the seed; they are recognised by a due date in their third column.
   */
  private static List<List<String>> seedRows(String file, int columns) throws IOException {
    String text;
    try (InputStream in = new ClassPathResource("seed/" + file).getInputStream()) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<List<String>> rows = new ArrayList<>();
    String group = null;
    for (String line : text.lines().skip(1).toList()) {
      if (line.isBlank()) {
        continue;
      }
      List<String> cells = new ArrayList<>(java.util.Arrays.asList(java.util.Arrays.copyOf(line.split("\t", -1), columns + 1)));
      cells.replaceAll(cell -> cell == null ? "" : cell);
      if (columns == 5 && cells.get(2).matches("\\d{4}\\.\\d{2}|每年初")) {
        cells.add(0, "");
      }
      if (!cells.get(0).isEmpty() && !cells.get(1).isEmpty()) {
        group = cells.get(0);
      } else if (cells.get(0).isEmpty()) {
        cells.set(0, group);
      }
      rows.add(cells.subList(0, columns));
    }
    return rows;
  }

  private static List<List<String>> columns(List<List<String>> rows, int... indices) {
    return rows.stream().map(row -> java.util.Arrays.stream(indices).mapToObj(row::get).toList()).toList();
  }

  private EngineRest as(String user) {
    return EngineRest.as(http, user);
  }
}
