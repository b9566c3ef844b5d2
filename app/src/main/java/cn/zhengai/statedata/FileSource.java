package cn.zhengai.statedata;

import cn.zhengai.statedata.DataSources.Settings;
import cn.zhengai.statedata.ReadingLoader.Offered;
import cn.zhengai.statedata.ReadingLoader.Place;
import cn.zhengai.integration.excel.CellValues;
import cn.zhengai.integration.excel.ColumnSpec;
import cn.zhengai.integration.excel.ExcelImportException;
import cn.zhengai.integration.excel.ExcelProblem;
import cn.zhengai.integration.excel.ExcelRow;
import cn.zhengai.integration.excel.ExcelTableReader;
import cn.zhengai.integration.excel.SheetLayout;
import cn.zhengai.integration.excel.SheetRead;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A file exported by the national 人才培养工作状态数据采集平台 or by a college system (.xlsx or .csv), read through its
 * source's mapping: the sheet, the column naming the subject, the period, and the indicators' columns. The national
 * platform's tables are wide (one row per subject, one column per indicator); a college system's export may be long
 * (one row per reading, with an indicator column and a value column). Columns the mapping does not name are passed
 * over. Every row is read before anything is checked, so the whole file's problems come in one round.
 */
final class FileSource {

  private static final Charset GB18030 = Charset.forName("GB18030");

  private FileSource() {}

  static List<Offered> read(InputStream file, String fileName, Settings mapping) throws IOException {
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    Layout layout = Layout.of(mapping);
    List<ExcelRow> rows;
    String sheet;
    if (name.endsWith(".csv")) {
      sheet = fileName;
      rows = csvRows(file.readAllBytes(), fileName, layout);
    } else {
      SheetRead read = ExcelTableReader.read(file, fileName, layout.sheet());
      sheet = read.sheet();
      rows = read.rowsOrThrow();
    }
    return layout.offered(sheet, rows);
  }

  /** The mapping as a sheet's columns, all read as text (values are checked by the loader, with % and 千分位 allowed). */
  private record Layout(Settings mapping, SheetLayout sheet, Map<String, Integer> index) {

    static Layout of(Settings mapping) {
      List<ColumnSpec> columns = new ArrayList<>();
      columns.add(ColumnSpec.text(mapping.subjectColumn(), true));
      if (!blank(mapping.periodColumn())) {
        columns.add(ColumnSpec.text(mapping.periodColumn(), true));
      }
      if (wide(mapping)) {
        mapping.columns().keySet().forEach(header -> columns.add(ColumnSpec.text(header, true)));
      } else {
        columns.add(ColumnSpec.text(mapping.indicatorColumn(), true));
        columns.add(ColumnSpec.text(mapping.valueColumn(), true));
      }
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        index.put(columns.get(i).header(), i);
      }
      return new Layout(mapping, new SheetLayout(mapping.sheet(), columns).passingOverOtherColumns(), index);
    }

    List<Offered> offered(String sheet, List<ExcelRow> rows) {
      List<Offered> offered = new ArrayList<>();
      String periodColumn = blank(mapping.periodColumn()) ? null : mapping.periodColumn();
      for (ExcelRow row : rows) {
        String subject = row.value(index.get(mapping.subjectColumn()));
        String period = periodColumn == null ? mapping.period() : row.value(index.get(periodColumn));
        if (wide(mapping)) {
          for (Map.Entry<String, String> column : mapping.columns().entrySet()) {
            offered.add(new Offered(new Place(sheet, row.rowNumber(), null, mapping.subjectColumn(), periodColumn, column.getKey()),
                column.getValue(), subject, period, row.value(index.get(column.getKey()))));
          }
        } else {
          offered.add(new Offered(new Place(sheet, row.rowNumber(), mapping.indicatorColumn(), mapping.subjectColumn(), periodColumn,
              mapping.valueColumn()), row.value(index.get(mapping.indicatorColumn())), subject, period,
              row.value(index.get(mapping.valueColumn()))));
        }
      }
      return offered;
    }
  }

  private static boolean wide(Settings mapping) {
    return mapping.columns() != null && !mapping.columns().isEmpty();
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  /**
   * A CSV file (UTF-8, with or without BOM, or GB18030 as Chinese Excel saves it): the header on the first line, fields
   * separated by commas, quoted with double quotes where they hold commas, quotes or line breaks.
   */
  private static List<ExcelRow> csvRows(byte[] bytes, String fileName, Layout layout) {
    if (bytes.length == 0) {
      throw new ExcelImportException(List.of(ExcelProblem.ofFile("文件“" + fileName + "”为空")));
    }
    List<List<String>> lines = parseCsv(decode(bytes));
    List<String> header = lines.get(0).stream().map(cell -> CellValues.normalise(cell).strip()).toList();
    Map<String, Integer> position = new LinkedHashMap<>();
    List<ExcelProblem> problems = new ArrayList<>();
    for (ColumnSpec column : layout.sheet().columns()) {
      int at = header.indexOf(column.header());
      if (at < 0) {
        problems.add(new ExcelProblem(fileName, 1, null, "表头缺少必填列「" + column.header() + "」"));
      }
      position.put(column.header(), at);
    }
    if (!problems.isEmpty()) {
      throw new ExcelImportException(problems);
    }
    List<ExcelRow> rows = new ArrayList<>();
    for (int line = 1; line < lines.size(); line++) {
      List<String> cells = lines.get(line);
      if (cells.stream().allMatch(String::isBlank)) {
        continue;
      }
      List<String> values = new ArrayList<>();
      for (int at : position.values()) {
        values.add(at < cells.size() ? CellValues.normalise(cells.get(at)).strip() : "");
      }
      rows.add(new ExcelRow(line + 1, values));
    }
    if (rows.isEmpty()) {
      throw new ExcelImportException(List.of(ExcelProblem.ofFile("文件“" + fileName + "”中没有数据行")));
    }
    return rows;
  }

  private static String decode(byte[] bytes) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException notUtf8) {
      return new String(bytes, GB18030);
    }
  }

  static List<List<String>> parseCsv(String text) {
    List<List<String>> lines = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        fields.add(field.toString());
        field.setLength(0);
        lines.add(fields);
        fields = new ArrayList<>();
      } else {
        field.append(c);
      }
    }
    if (field.length() > 0 || !fields.isEmpty()) {
      fields.add(field.toString());
      lines.add(fields);
    }
    return lines;
  }
}
