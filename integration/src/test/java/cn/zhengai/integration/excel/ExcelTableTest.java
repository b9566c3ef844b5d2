package cn.zhengai.integration.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

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

    List<ExcelRow> read = ExcelTableReader.read(new ByteArrayInputStream(write(rows)), "表8.xlsx", SCHEDULE);

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
    assertThat(ExcelTableReader.read(new ByteArrayInputStream(template), "模板.xlsx", SCHEDULE)).isEmpty();
  }

  @Test
  void aGroupWrittenOnceCarriesDownAndTypedDatesAreUnderstood() throws IOException {
    byte[] sheet = handWritten(
        new String[] {"实施方案", "修订实施方案", "质管办", "2019/3/31", "", ""},
        new String[] {"", "修订各教学单位实施细则", "教务处", "2019年4月30日", "", ""},
        new String[] {"组织机构", "成立诊改工作领导小组", "质管办", "2017.1.15", "2", ""});

    List<ExcelRow> rows = ExcelTableReader.read(new ByteArrayInputStream(sheet), "schedule.xlsx", SCHEDULE);

    assertThat(rows).extracting(row -> row.value(0)).containsExactly("实施方案", "实施方案", "组织机构");
    assertThat(rows).extracting(row -> row.value(3)).containsExactly("2019-03-31", "2019-04-30", "2017-01-15");
  }

  @Test
  void everyBadCellIsNamedAndNothingIsReturned() throws IOException {
    byte[] sheet = handWritten(
        new String[] {"实施方案", "", "质管办", "2019-03-31", "", ""},
        new String[] {"实施方案", "修订细则", "各部门", "明年", "很多", ""},
        new String[] {"实施方案", "修订细则", "院办", "2019-04-30", "3", "说".repeat(501)});

    assertThatThrownBy(() -> ExcelTableReader.read(new ByteArrayInputStream(sheet), "schedule.xlsx", SCHEDULE))
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
        .hasMessageContaining("工作表「表8」第 1 行：表头应为“工作项目、工作内容、责任部门、完成时间、预算（万元）、备注”，实际为“项目、内容、、、、”；请使用下载的模板");
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
  void aSheetOfMoreRowsThanTheLimitIsRefusedWithoutReadingOn() throws IOException {
    List<List<String>> rows = new java.util.AbstractList<>() {
      @Override
      public List<String> get(int i) {
        return List.of("目标体系", "第 " + i + " 项", "教务处", "2027-05-31", "1", "");
      }

      @Override
      public int size() {
        return ExcelTableReader.MAX_ROWS + 1;
      }
    };
    assertThat(refusal(write(rows), "超大.xlsx"))
        .isEqualTo("工作表「表8」第 " + (ExcelTableReader.MAX_ROWS + 2) + " 行：行数超过上限 200000 行，请分批导入");
  }

  private static String refusal(byte[] bytes, String name) {
    return refusalOf(new ByteArrayInputStream(bytes), name);
  }

  private static String refusalOf(InputStream in, String name) {
    try {
      ExcelTableReader.read(in, name, SCHEDULE);
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
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      XSSFSheet sheet = workbook.createSheet("表8");
      XSSFRow header = sheet.createRow(0);
      for (int i = 0; i < SCHEDULE.headers().size(); i++) {
        header.createCell(i).setCellValue(SCHEDULE.headers().get(i));
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
      assertThat(ExcelTableReader.read(new ByteArrayInputStream(out.toByteArray()), "a.xlsx", SCHEDULE).get(0).value(3))
          .isEqualTo("2019-12-31");
    }
  }
}
