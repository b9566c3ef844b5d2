package cn.zhengai.integration.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExcelTableTest {

  static final SheetLayout SCHEDULE = new SheetLayout("表8", List.of(
      ColumnSpec.text("工作项目", true).carryingDown(),
      ColumnSpec.text("工作内容", true),
      ColumnSpec.choice("责任部门", true, List.of("质管办", "院办", "教务处")),
      ColumnSpec.date("完成时间", true),
      ColumnSpec.number("预算（万元）", false),
      ColumnSpec.text("备注", false)));

  @Test
  void whatIsWrittenIsReadBackTheSame() throws IOException {
    List<List<String>> rows = List.of(
        List.of("实施方案", "修订学校内部质量保证体系建设与运行实施方案", "质管办", "2019-03-31", "1.5", ""),
        List.of("目标体系", "学校“十三五”发展规划", "院办", "2017-02-28", "", "每年复核"));

    List<ExcelRow> read = ExcelTableReader.read(new ByteArrayInputStream(write(rows)), "表8.xlsx", SCHEDULE).rowsOrThrow();

    assertThat(read).extracting(ExcelRow::values).containsExactlyElementsOf(rows);
    assertThat(read).extracting(ExcelRow::rowNumber).containsExactly(2, 3);
  }

  @Test
  void theBlankTemplateHasTheHeadersAndNoRows() throws IOException {
    byte[] template = write(List.of());
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
      XSSFSheet sheet = workbook.getSheet("表8");
      assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("责任部门");
      assertThat(sheet.getDataValidations()).hasSize(1);
    }
    // a blank template: no rows is said, not a silent success
    assertThat(ExcelTableReader.read(new ByteArrayInputStream(template), "模板.xlsx", SCHEDULE).problems())
        .extracting(ExcelProblem::describe).containsExactly("工作表「表8」：没有找到要导入的行：表头下方是空的（上传的是空白模板？）");
  }

  @Test
  void aGroupWrittenOnceCarriesDownAndTypedDatesAreUnderstood() throws IOException {
    byte[] sheet = handWritten(
        new String[] {"实施方案", "修订实施方案", "质管办", "2019/3/31", "", ""},
        new String[] {"", "修订各教学单位实施细则", "教务处", "2019年4月30日", "", ""},
        new String[] {"组织机构", "成立诊改工作领导小组", "质管办", "2017.1.15", "2", ""});

    List<ExcelRow> rows = ExcelTableReader.read(new ByteArrayInputStream(sheet), "schedule.xlsx", SCHEDULE).rowsOrThrow();

    assertThat(rows).extracting(row -> row.value(0)).containsExactly("实施方案", "实施方案", "组织机构");
    assertThat(rows).extracting(row -> row.value(3)).containsExactly("2019-03-31", "2019-04-30", "2017-01-15");
  }

  @Test
  void everyBadCellIsNamedAndTheOtherRowsAreStillGiven() throws IOException {
    byte[] sheet = handWritten(
        new String[] {"实施方案", "", "质管办", "2019-03-31", "", ""},
        new String[] {"实施方案", "修订细则", "各部门", "明年", "很多", ""},
        new String[] {"实施方案", "修订细则", "院办", "2019-04-30", "3", "说".repeat(501)});

    SheetRead read = ExcelTableReader.read(new ByteArrayInputStream(sheet), "schedule.xlsx", SCHEDULE);
    assertThat(read.rows()).hasSize(3);
    assertThat(read.rows().get(1).values()).containsExactly("实施方案", "修订细则", "", "", "", "");
    assertThatThrownBy(read::rowsOrThrow)
        .isInstanceOfSatisfying(ExcelImportException.class, e -> assertThat(e.problems()).extracting(ExcelProblem::describe).containsExactly(
            "工作表「表8」第 2 行「工作内容」列：不能为空",
            "工作表「表8」第 3 行「责任部门」列：“各部门”不是允许的值，应为 质管办、院办、教务处",
            "工作表「表8」第 3 行「完成时间」列：“明年”不是日期（应为 2027-02-26 这样的日期）",
            "工作表「表8」第 3 行「预算（万元）」列：“很多”不是数字",
            "工作表「表8」第 4 行「备注」列：不能超过 500 字"));
  }

  @Test
  void aSheetWithOtherHeadersIsRefused() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ExcelTableWriter.write(out, new SheetLayout("表8", List.of(ColumnSpec.text("项目", true), ColumnSpec.text("内容", true))), List.of());
    assertThatThrownBy(() -> ExcelTableReader.read(new ByteArrayInputStream(out.toByteArray()), "x.xlsx", SCHEDULE))
        .hasMessageContaining("工作表「表8」第 1 行：表头缺少必填列「工作项目」「工作内容」「责任部门」「完成时间」；本表的表头为“工作项目、工作内容、责任部门、完成时间、预算（万元）、备注”，其中 预算（万元）、备注 可以省略；请使用下载的模板");
  }

  @Test
  void filesThatAreNotReasonableWorkbooksAreRefused() {
    assertThat(refusal(new byte[0], "空.xlsx")).isEqualTo("文件为空");
    assertThat(refusal("a,b,c".getBytes(), "表8.csv")).isEqualTo("只能导入 Excel .xlsx 文件，收到的是“表8.csv”");
    assertThat(refusal(new byte[] {1, 2, 3}, "表8.xls")).isEqualTo("不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再导入");
    assertThat(refusal("not a workbook".getBytes(), "表8.xlsx")).isEqualTo("不是 Excel .xlsx 文件（文件内容无法识别）");
    assertThat(refusalOf(new InputStream() {
      private long left = ExcelTableReader.MAX_BYTES + 1;

      @Override
      public int read() {
        return left-- > 0 ? 'x' : -1;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) {
        if (left <= 0) {
          return -1;
        }
        int n = (int) Math.min(length, left);
        left -= n;
        return n;
      }
    }, "巨大.xlsx")).isEqualTo("文件过大，上限为 50 MB");
  }

  @Test
  void aSheetOfMoreRowsThanTheLimitIsRefusedWithoutReadingOn(@TempDir Path folder) throws IOException {
    // the limit of uploads is MAX_ROWS (200,000); a small one here, as writing 200,001 rows takes a quarter minute
    int limit = 1_000;
    List<List<String>> rows = new java.util.AbstractList<>() {
      @Override
      public List<String> get(int i) {
        return List.of("目标体系", "第 " + i + " 项", "教务处", "2027-05-31", "1", "");
      }

      @Override
      public int size() {
        return limit + 2;
      }
    };
    Path workbook = Files.write(folder.resolve("超大.xlsx"), write(rows));
    // the header is row 1: the refused row is the limit's next, and no row after it is read or named
    assertThatThrownBy(() -> ExcelTableReader.read(workbook, SCHEDULE, limit).rowsOrThrow())
        .isInstanceOfSatisfying(ExcelImportException.class, refused -> assertThat(refused.problems()).extracting(ExcelProblem::describe)
            .containsExactly("工作表「表8」第 " + (limit + 2) + " 行：行数超过上限 " + limit + " 行，请分批导入"));
  }

  private static String refusal(byte[] bytes, String name) {
    return refusalOf(new ByteArrayInputStream(bytes), name);
  }

  private static String refusalOf(InputStream in, String name) {
    try {
      ExcelTableReader.read(in, name, SCHEDULE).rowsOrThrow();
    } catch (ExcelImportException e) {
      return e.problems().get(0).describe();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("accepted");
  }

  static byte[] write(List<List<String>> rows) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ExcelTableWriter.write(out, SCHEDULE, rows);
    return out.toByteArray();
  }

  /** A sheet as a person types it: every cell text, some blank. */
  private static byte[] handWritten(String[]... rows) throws IOException {
    return handWritten(SCHEDULE.headers(), rows);
  }

  private static byte[] handWritten(List<String> headers, String[]... rows) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      XSSFSheet sheet = workbook.createSheet("表8");
      XSSFRow header = sheet.createRow(0);
      for (int i = 0; i < headers.size(); i++) {
        header.createCell(i).setCellValue(headers.get(i));
      }
      for (int r = 0; r < rows.length; r++) {
        XSSFRow row = sheet.createRow(r + 1);
        for (int c = 0; c < rows[r].length; c++) {
          if (!rows[r][c].isEmpty()) {
            row.createCell(c).setCellValue(rows[r][c]);
          }
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      workbook.write(out);
      return out.toByteArray();
    }
  }

  @Test
  void aDateCellReadsAsIsoWhateverItsDisplayFormat() throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      XSSFSheet sheet = workbook.createSheet("表8");
      XSSFRow header = sheet.createRow(0);
      List<String> headers = new ArrayList<>(SCHEDULE.headers());
      for (int i = 0; i < headers.size(); i++) {
        header.createCell(i).setCellValue(headers.get(i));
      }
      XSSFRow row = sheet.createRow(1);
      row.createCell(0).setCellValue("平台建设");
      row.createCell(1).setCellValue("建设校本数据平台");
      row.createCell(2).setCellValue("院办");
      var cell = row.createCell(3);
      cell.setCellValue(LocalDate.of(2019, 12, 31));
      var style = workbook.createCellStyle();
      style.setDataFormat(workbook.createDataFormat().getFormat("m/d/yy"));
      cell.setCellStyle(style);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      workbook.write(out);
      assertThat(ExcelTableReader.read(new ByteArrayInputStream(out.toByteArray()), "a.xlsx", SCHEDULE).rowsOrThrow().get(0).value(3))
          .isEqualTo("2019-12-31");
    }
  }

  // ---- the corpus of files found in real use (issue: Excel and data defects)

  @Test
  void aMonthTypedIntoAGeneralCellIsRefusedWithHowToTypeItAndTemplatesKeepTypedTextAsText() throws IOException {
    SheetLayout months = new SheetLayout("表8", List.of(ColumnSpec.text("工作内容", true), ColumnSpec.text("完成时间", true),
        ColumnSpec.date("完成日期", false)));
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      XSSFSheet sheet = workbook.createSheet("表8");
      XSSFRow header = sheet.createRow(0);
      header.createCell(0).setCellValue("工作内容");
      header.createCell(1).setCellValue("完成时间");
      header.createCell(2).setCellValue("完成日期");
      XSSFRow row = sheet.createRow(1);
      row.createCell(0).setCellValue("建设校本数据平台");
      row.createCell(1).setCellValue(2017.10); // what Excel keeps of "2017.10" typed into a General cell
      row.createCell(2).setCellValue(2017.05);
      XSSFRow may = sheet.createRow(2);
      may.createCell(0).setCellValue("制定专业诊断标准");
      may.createCell(1).setCellValue(2017.05);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      workbook.write(out);
      assertThat(ExcelTableReader.read(new ByteArrayInputStream(out.toByteArray()), "表8.xlsx", months).problems())
          .extracting(ExcelProblem::describe).containsExactly(
              "工作表「表8」第 2 行「完成时间」列：“2017.1”是数字单元格：Excel 会把 2017.10 存成 2017.1，无法确定是 1 月还是 10 月；"
                  + "请把单元格设为文本格式后输入 2017.01 或 2017.10（下载的模板中该列已是文本格式）",
              "工作表「表8」第 2 行「完成日期」列：“2017.05”是数字，不是日期；请把单元格设为文本格式，输入 2027-02-26 这样的日期（下载的模板中该列已是文本格式）");
    }
    try (XSSFWorkbook template = new XSSFWorkbook(new ByteArrayInputStream(write(List.of(
        List.of("目标体系", "智能校园建设规划", "院办", "2017-05-31", "2", "")))))) {
      XSSFSheet sheet = template.getSheet("表8");
      assertThat(sheet.getColumnStyle(3).getDataFormatString()).isEqualTo("@");
      assertThat(sheet.getColumnStyle(4).getDataFormatString()).isNotEqualTo("@");
      assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("2017-05-31");
    }
  }

  @Test
  void optionalColumnsMayBeLeftOutInAnyOrderAndAMissingRequiredOneIsNamed() throws IOException {
    byte[] seedsOwn = handWritten(List.of("工作内容", "工作项目", "责任部门", "完成时间"),
        new String[] {"修订实施方案", "实施方案", "质管办", "2019-03-31"});
    assertThat(ExcelTableReader.read(new ByteArrayInputStream(seedsOwn), "表8.xlsx", SCHEDULE).rowsOrThrow())
        .extracting(ExcelRow::values).containsExactly(List.of("实施方案", "修订实施方案", "质管办", "2019-03-31", "", ""));

    byte[] lacking = handWritten(List.of("工作项目", "工作内容", "完成时间"), new String[] {"实施方案", "修订实施方案", "2019-03-31"});
    assertThat(refusal(lacking, "表8.xlsx")).isEqualTo("工作表「表8」第 1 行：表头缺少必填列「责任部门」；本表的表头为“"
        + "工作项目、工作内容、责任部门、完成时间、预算（万元）、备注”，其中 预算（万元）、备注 可以省略；请使用下载的模板");
  }

  @Test
  void fullWidthAndInvisibleSpacesAreNormalisedBeforeChecking() throws IOException {
    byte[] sheet = handWritten(new String[] {"实施方案\u00A0", "修订\u3000实施方案", "\u200B质管办", "２０１９．０５．２０", "１.５", "发规处(基建办)"});
    assertThat(ExcelTableReader.read(new ByteArrayInputStream(sheet), "表8.xlsx", SCHEDULE).rowsOrThrow().get(0).values())
        .containsExactly("实施方案", "修订 实施方案", "质管办", "2019-05-20", "1.5", "发规处（基建办）");
  }

  @Test
  void impossibleDatesAreRefusedNotMovedToTheEndOfTheMonth() throws IOException {
    byte[] sheet = handWritten(new String[] {"实施方案", "修订实施方案", "质管办", "2027-02-30", "", ""},
        new String[] {"实施方案", "修订细则", "质管办", "2027年2月29日", "", ""});
    assertThat(ExcelTableReader.read(new ByteArrayInputStream(sheet), "表8.xlsx", SCHEDULE).problems()).extracting(ExcelProblem::describe)
        .containsExactly("工作表「表8」第 2 行「完成时间」列：“2027-02-30”不是日期（应为 2027-02-26 这样的日期）",
            "工作表「表8」第 3 行「完成时间」列：“2027年2月29日”不是日期（应为 2027-02-26 这样的日期）");
  }

  @Test
  void theTablesSheetIsFoundByNameOrHeaderAndAnAmbiguousWorkbookIsRefused() throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      workbook.createSheet("填写说明").createRow(0).createCell(0).setCellValue("请在下一张工作表中填写，日期写成 2027-02-26");
      XSSFSheet data = workbook.createSheet("Sheet2");
      data.createRow(0).createCell(0).setCellValue("表8 建设与实施进程（2027 年）");
      XSSFRow header = data.createRow(1);
      for (int i = 0; i < SCHEDULE.headers().size(); i++) {
        header.createCell(i).setCellValue(SCHEDULE.headers().get(i));
      }
      XSSFRow row = data.createRow(2);
      List.of("实施方案", "修订实施方案", "质管办", "2019-03-31").forEach(value -> row.createCell(row.getPhysicalNumberOfCells()).setCellValue(value));
      workbook.createSheet("备注").createRow(0).createCell(0).setCellValue("无");
      SheetRead read = ExcelTableReader.read(new ByteArrayInputStream(bytes(workbook)), "表8.xlsx", SCHEDULE);
      assertThat(read.sheet()).isEqualTo("Sheet2");
      assertThat(read.rowsOrThrow()).extracting(ExcelRow::rowNumber).containsExactly(3);

      workbook.cloneSheet(1, "Sheet3");
      assertThat(refusal(bytes(workbook), "表8.xlsx")).isEqualTo("工作簿中有 2 张工作表都是「表8」的表头：「Sheet2」「Sheet3」，无法确定导入哪一张；"
          + "请只保留要导入的一张，或把它命名为「表8」");
      workbook.setSheetName(3, "表8");
      assertThat(ExcelTableReader.read(new ByteArrayInputStream(bytes(workbook)), "表8.xlsx", SCHEDULE).sheet()).isEqualTo("表8");
    }
  }

  @Test
  void hostileFilesAreRefusedInChineseWithoutServerPaths() throws IOException {
    byte[] good = handWritten(new String[] {"实施方案", "修订实施方案", "质管办", "2019-03-31", "", ""});
    String truncated = refusal(java.util.Arrays.copyOf(good, good.length / 2), "表8.xlsx");
    assertThat(truncated).isEqualTo("文件已损坏或不完整，无法读取；请在 Excel 中打开并另存为 .xlsx 后再导入");

    byte[] bomb = rawWorkbook(sheetXml("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>" + "0".repeat(20_000_000) + "</t></is></c></row>"));
    assertThat(refusal(bomb, "表8.xlsx")).isEqualTo("文件解压后异常庞大（压缩比异常，疑似“压缩炸弹”），已拒绝读取；请上传正常保存的 Excel 文件");

    byte[] xxe = rawWorkbook("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
        + sheetXml("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>&e;</t></is></c></row>").substring(38));
    assertThat(refusal(xxe, "表8.xlsx")).isEqualTo("文件中含有不允许的 XML 内容（文档类型声明或外部实体），已拒绝读取；请在 Excel 中打开并另存为 .xlsx 后再导入");
  }

  private static String sheetXml(String rows) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + MAIN + "\"><sheetData><row r=\"1\">"
        + String.join("", SCHEDULE.headers().stream().map(h -> "<c t=\"inlineStr\"><is><t>" + h + "</t></is></c>").toList())
        + "</row>" + rows + "</sheetData></worksheet>";
  }

  private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  private static final String RELS = "http://schemas.openxmlformats.org/package/2006/relationships";

  /** A workbook of one sheet, zipped by hand: the package parts a hostile file needs and nothing more. */
  private static byte[] rawWorkbook(String sheet) throws IOException {
    String officeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    Map<String, String> parts = new java.util.LinkedHashMap<>();
    parts.put("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
    parts.put("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"" + RELS + "\"><Relationship Id=\"rId1\" Type=\""
        + officeDocument + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
    parts.put("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + officeDocument
        + "\"><sheets><sheet name=\"表8\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
    parts.put("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"" + RELS + "\"><Relationship Id=\"rId1\" Type=\""
        + officeDocument + "/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
    parts.put("xl/worksheets/sheet1.xml", sheet);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
      for (Map.Entry<String, String> part : parts.entrySet()) {
        zip.putNextEntry(new java.util.zip.ZipEntry(part.getKey()));
        zip.write(part.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  private static byte[] bytes(XSSFWorkbook workbook) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    workbook.write(out);
    return out.toByteArray();
  }
}
