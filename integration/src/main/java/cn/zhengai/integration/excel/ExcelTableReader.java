package cn.zhengai.integration.excel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.ooxml.util.SAXHelper;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads one table sheet of an .xlsx workbook as a stream (POI's event API: the workbook is never loaded whole)
 * and checks it whole: the headers, then every cell against its column. The rows come back only when nothing is
 * wrong; otherwise every problem is reported, so that an import is all or nothing.
 */
public final class ExcelTableReader {

  public static final long MAX_BYTES = 50L * 1024 * 1024;
  public static final int MAX_ROWS = 200_000;
  /** Past this many problems the rest are counted, not listed. */
  public static final int MAX_LISTED_PROBLEMS = 200;

  private ExcelTableReader() {}

  /** Reads an uploaded workbook: refuses what is not a reasonable .xlsx file before reading it. */
  public static List<ExcelRow> read(InputStream upload, String fileName, SheetLayout layout) throws IOException {
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".xls")) {
      throw refuse("不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再导入");
    }
    if (!name.endsWith(".xlsx")) {
      throw refuse("只能导入 Excel .xlsx 文件，收到的是“" + fileName + "”");
    }
    Path copy = Files.createTempFile("zhengai-import-", ".xlsx");
    try {
      long size = copyAtMost(upload, copy, MAX_BYTES);
      if (size == 0) {
        throw refuse("文件为空");
      }
      if (size > MAX_BYTES) {
        throw refuse("文件过大，上限为 " + MAX_BYTES / 1024 / 1024 + " MB");
      }
      return read(copy, layout);
    } finally {
      Files.deleteIfExists(copy);
    }
  }

  /** Reads a workbook on disk. */
  public static List<ExcelRow> read(Path workbook, SheetLayout layout) throws IOException {
    try (InputStream head = Files.newInputStream(workbook)) {
      if (FileMagic.valueOf(FileMagic.prepareToCheckMagic(head)) != FileMagic.OOXML) {
        throw refuse("不是 Excel .xlsx 文件（文件内容无法识别）");
      }
    }
    try (OPCPackage pkg = OPCPackage.open(workbook.toFile(), PackageAccess.READ)) {
      XSSFReader reader = new XSSFReader(pkg);
      XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
      RowCollector collector = null;
      while (sheets.hasNext() && collector == null) {
        try (InputStream sheet = sheets.next()) {
          String sheetName = sheets.getSheetName();
          if (sheetName.equals(layout.sheetName()) || !sheets.hasNext()) {
            collector = new RowCollector(layout, sheetName);
            parse(sheet, reader.getStylesTable(), new ReadOnlySharedStringsTable(pkg), collector);
          }
        }
      }
      if (collector == null) {
        throw refuse("工作簿中没有工作表");
      }
      return collector.result();
    } catch (InvalidFormatException e) {
      throw refuse("不是有效的 Excel .xlsx 文件：" + e.getMessage());
    } catch (OpenXML4JException | SAXException | ParserConfigurationException e) {
      throw refuse("无法读取 Excel 文件：" + e.getMessage());
    }
  }

  private static void parse(InputStream sheet, StylesTable styles, ReadOnlySharedStringsTable strings, RowCollector collector)
      throws IOException, SAXException, ParserConfigurationException {
    XMLReader parser = SAXHelper.newXMLReader();
    parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, collector, new IsoDateFormatter(), false));
    try {
      parser.parse(new InputSource(sheet));
    } catch (StopReading stop) {
      // the collector has seen enough to refuse the sheet
    }
  }

  private static long copyAtMost(InputStream in, Path target, long limit) throws IOException {
    try (OutputStream out = Files.newOutputStream(target)) {
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      int read;
      while ((read = in.read(buffer)) != -1) {
        total += read;
        if (total > limit) {
          return total;
        }
        out.write(buffer, 0, read);
      }
      return total;
    }
  }

  private static ExcelImportException refuse(String message) {
    return new ExcelImportException(List.of(ExcelProblem.ofFile(message)));
  }

  /** Shows date cells as yyyy-MM-dd whatever their display format, so that dates read the same everywhere. */
  private static final class IsoDateFormatter extends DataFormatter {
    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
      if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
        return DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate().toString();
      }
      return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
    }
  }

  /** Thrown from the SAX handler to stop reading a sheet already refused. */
  private static final class StopReading extends RuntimeException {
    StopReading() {
      super(null, null, false, false);
    }
  }

  /** Checks the header row, then each data row, keeping the rows only while nothing is wrong. */
  private static final class RowCollector implements SheetContentsHandler {

    private final SheetLayout layout;
    private final String sheet;
    private final List<ExcelRow> rows = new ArrayList<>();
    private final List<ExcelProblem> problems = new ArrayList<>();
    private int unlisted;
    private int dataRows;
    private String[] cells;
    private String[] above;
    private boolean headerSeen;

    RowCollector(SheetLayout layout, String sheet) {
      this.layout = layout;
      this.sheet = sheet;
      this.above = new String[layout.columns().size()];
    }

    @Override
    public void startRow(int rowIndex) {
      cells = new String[layout.columns().size()];
    }

    @Override
    public void cell(String reference, String formattedValue, XSSFComment comment) {
      int column = new CellReference(reference).getCol();
      if (column < cells.length && formattedValue != null) {
        cells[column] = formattedValue.trim();
      }
    }

    @Override
    public void endRow(int rowIndex) {
      int rowNumber = rowIndex + 1;
      if (!headerSeen) {
        headerSeen = true;
        checkHeaders(rowNumber);
        return;
      }
      if (Arrays.stream(cells).allMatch(value -> value == null || value.isEmpty())) {
        return;
      }
      if (++dataRows > MAX_ROWS) {
        problems.add(new ExcelProblem(sheet, rowNumber, null, "行数超过上限 " + MAX_ROWS + " 行，请分批导入"));
        throw new StopReading();
      }
      List<String> values = new ArrayList<>(cells.length);
      boolean rowOk = true;
      for (int i = 0; i < cells.length; i++) {
        ColumnSpec column = layout.columns().get(i);
        String value = cells[i] == null ? "" : cells[i];
        if (value.isEmpty() && column.carriesDown() && above[i] != null) {
          value = above[i];
        }
        String checked = check(column, value, rowNumber);
        rowOk &= checked != null;
        values.add(checked == null ? value : checked);
      }
      above = values.toArray(new String[0]);
      if (rowOk && problems.isEmpty()) {
        rows.add(new ExcelRow(rowNumber, List.copyOf(values)));
      } else {
        // the import is refused: keep checking for the report, stop keeping rows
        rows.clear();
      }
    }

    private void checkHeaders(int rowNumber) {
      List<String> actual = new ArrayList<>();
      for (String cell : cells) {
        actual.add(cell == null ? "" : cell);
      }
      if (!actual.equals(layout.headers())) {
        problems.add(new ExcelProblem(sheet, rowNumber, null, "表头应为“" + String.join("、", layout.headers())
            + "”，实际为“" + String.join("、", actual) + "”；请使用下载的模板"));
        throw new StopReading();
      }
    }

    /** The normalised value, or null after recording why it is wrong. */
    private String check(ColumnSpec column, String value, int rowNumber) {
      CellValues.Checked checked = CellValues.check(column, value);
      return checked.ok() ? checked.value() : problem(rowNumber, column, checked.problem());
    }

    private String problem(int rowNumber, ColumnSpec column, String message) {
      if (problems.size() < MAX_LISTED_PROBLEMS) {
        problems.add(new ExcelProblem(sheet, rowNumber, column.header(), message));
      } else {
        unlisted++;
      }
      return null;
    }

    List<ExcelRow> result() {
      if (!headerSeen) {
        problems.add(new ExcelProblem(sheet, 0, null, "工作表为空，缺少表头"));
      }
      if (!problems.isEmpty()) {
        List<ExcelProblem> all = new ArrayList<>(problems);
        if (unlisted > 0) {
          all.add(ExcelProblem.ofFile("另有 " + unlisted + " 处问题未列出"));
        }
        throw new ExcelImportException(all);
      }
      return rows;
    }
  }
}
