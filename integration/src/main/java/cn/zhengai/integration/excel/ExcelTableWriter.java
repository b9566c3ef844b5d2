package cn.zhengai.integration.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a table sheet in the seed's column layout, streaming (only a window of rows is in memory): a bold,
 * frozen header row, numbers as numbers, and a drop-down for each column with allowed values. Every other column,
 * dates and months included, is formatted as text, so that what a user types (2017.10, 2027-02-26) stays as typed
 * instead of becoming the number 2017.1. With no rows it is the blank template users download.
 */
public final class ExcelTableWriter {

  /** Rows of the template that offer the drop-downs of choice columns. */
  static final int TEMPLATE_ROWS = 5000;
  private static final int WINDOW = 200;

  private ExcelTableWriter() {}

  /** One sheet of a workbook: its layout and its rows. */
  public record SheetRows(SheetLayout layout, Iterable<List<String>> rows) {}

  public static void write(OutputStream out, SheetLayout layout, Iterable<List<String>> rows) throws IOException {
    write(out, List.of(new SheetRows(layout, rows)));
  }

  /** Several sheets in one workbook, in the order given. */
  public static void write(OutputStream out, List<SheetRows> sheets) throws IOException {
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW)) {
      CellStyle header = headerStyle(workbook);
      CellStyle text = workbook.createCellStyle();
      text.setDataFormat(workbook.createDataFormat().getFormat("@"));
      for (SheetRows each : sheets) {
        writeSheet(workbook, each.layout(), each.rows(), header, text);
      }
      workbook.write(out);
    }
  }

  private static void writeSheet(SXSSFWorkbook workbook, SheetLayout layout, Iterable<List<String>> rows, CellStyle header,
      CellStyle text) {
    SXSSFSheet sheet = workbook.createSheet(layout.sheetName());
    Row headerRow = sheet.createRow(0);
    for (int i = 0; i < layout.columns().size(); i++) {
      if (layout.columns().get(i).kind() != ColumnKind.NUMBER) {
        sheet.setDefaultColumnStyle(i, text);
      }
      Cell cell = headerRow.createCell(i);
      cell.setCellValue(layout.columns().get(i).header());
      cell.setCellStyle(header);
      sheet.setColumnWidth(i, Math.min(255, Math.max(12, layout.columns().get(i).header().length() * 3 + 4)) * 256);
    }
    sheet.createFreezePane(0, 1);
    int rowIndex = 1;
    for (List<String> values : rows) {
      Row row = sheet.createRow(rowIndex++);
      for (int i = 0; i < values.size(); i++) {
        write(row.createCell(i), layout.columns().get(i), values.get(i), text);
      }
    }
    addDropDowns(sheet, layout, Math.max(rowIndex, TEMPLATE_ROWS));
  }

  private static void write(Cell cell, ColumnSpec column, String value, CellStyle text) {
    if (column.kind() != ColumnKind.NUMBER) {
      cell.setCellStyle(text);
    }
    if (value == null || value.isEmpty()) {
      return;
    }
    if (column.kind() == ColumnKind.NUMBER) {
      cell.setCellValue(new BigDecimal(value).doubleValue());
    } else {
      cell.setCellValue(value);
    }
  }

  private static void addDropDowns(SXSSFSheet sheet, SheetLayout layout, int lastRow) {
    DataValidationHelper helper = sheet.getDataValidationHelper();
    for (int i = 0; i < layout.columns().size(); i++) {
      ColumnSpec column = layout.columns().get(i);
      if (column.kind() == ColumnKind.CHOICE && !column.allowed().isEmpty()) {
        DataValidation validation = helper.createValidation(
            helper.createExplicitListConstraint(column.allowed().toArray(new String[0])),
            new CellRangeAddressList(1, lastRow, i, i));
        validation.setShowErrorBox(true);
        validation.createErrorBox("输入有误", column.header() + "应为：" + String.join("、", column.allowed()));
        sheet.addValidationData(validation);
      }
    }
  }

  private static CellStyle headerStyle(SXSSFWorkbook workbook) {
    CellStyle style = workbook.createCellStyle();
    Font bold = workbook.createFont();
    bold.setBold(true);
    style.setFont(bold);
    style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
    style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    style.setBorderBottom(BorderStyle.THIN);
    return style;
  }
}
