package cn.zhengai.integration.excel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.ooxml.util.SAXHelper;
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
 * and checks it whole: finds the table's sheet (by its name, else by its header), maps the header's columns by
 * name (optional columns may be left out), then checks every cell against its column. Every problem is reported
 * in one round; a file that cannot be read at all is refused with a Chinese reason that shows nothing of the server.
 */
public final class ExcelTableReader {

  public static final long MAX_BYTES = 50L * 1024 * 1024;
  public static final int MAX_ROWS = 200_000;
  /** Past this many problems the rest are counted, not listed. */
  public static final int MAX_LISTED_PROBLEMS = 200;
  /** How far down a sheet its header row is looked for (a title or a note may stand above it). */
  static final int HEADER_SEARCH_ROWS = 10;
  /** A month typed as 2017.10 into a General cell arrives as the number 2017.1: October or January? */
  private static final Pattern AMBIGUOUS_MONTH = Pattern.compile("(19|20)\\d{2}\\.1");
  private static final System.Logger LOG = System.getLogger(ExcelTableReader.class.getName());

  private ExcelTableReader() {}

  /** Reads an uploaded workbook: refuses what is not a reasonable .xlsx file before reading it. */
  public static SheetRead read(InputStream upload, String fileName, SheetLayout layout) throws IOException {
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
  public static SheetRead read(Path workbook, SheetLayout layout) throws IOException {
    return read(workbook, layout, MAX_ROWS);
  }

  /** Reads a workbook on disk, refusing it at its {@code maxRows + 1}th row. */
  static SheetRead read(Path workbook, SheetLayout layout, int maxRows) throws IOException {
    try (InputStream head = Files.newInputStream(workbook)) {
      if (FileMagic.valueOf(FileMagic.prepareToCheckMagic(head)) != FileMagic.OOXML) {
        throw refuse("不是 Excel .xlsx 文件（文件内容无法识别）");
      }
    }
    try (OPCPackage pkg = OPCPackage.open(workbook.toFile(), PackageAccess.READ)) {
      XSSFReader reader = new XSSFReader(pkg);
      StylesTable styles = reader.getStylesTable();
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
      List<SheetHead> heads = new ArrayList<>();
      XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
      while (sheets.hasNext()) {
        try (InputStream sheet = sheets.next()) {
          HeadProbe probe = new HeadProbe();
          parse(sheet, styles, strings, probe, new CellFormatter());
          heads.add(new SheetHead(sheets.getSheetName(), heads.size(), probe.rows, Header.find(probe.rows, layout)));
        }
      }
      SheetHead chosen = choose(heads, layout);
      Header header = chosen.header() != null ? chosen.header() : refuseHeader(chosen, layout);
      sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
      for (int index = 0; sheets.hasNext(); index++) {
        try (InputStream sheet = sheets.next()) {
          if (index == chosen.index()) {
            CellFormatter formatter = new CellFormatter();
            RowCollector collector = new RowCollector(layout, chosen.name(), header, formatter, maxRows);
            parse(sheet, styles, strings, collector, formatter);
            return collector.result();
          }
        }
      }
      throw refuse("工作簿中没有工作表");
    } catch (ExcelImportException refused) {
      throw refused;
    } catch (IOException | RuntimeException | OpenXML4JException | SAXException | ParserConfigurationException e) {
      throw unreadable(e);
    }
  }

  /** The table's sheet: the one of its name, else the one sheet with its header; instructions sheets are passed over. */
  private static SheetHead choose(List<SheetHead> heads, SheetLayout layout) {
    if (heads.isEmpty()) {
      throw refuse("工作簿中没有工作表");
    }
    String wanted = Header.plain(layout.sheetName());
    for (SheetHead head : heads) {
      if (Header.plain(head.name()).equals(wanted)) {
        return head;
      }
    }
    List<SheetHead> matching = heads.stream().filter(head -> head.header() != null).toList();
    if (matching.size() == 1 || heads.size() == 1) {
      return matching.isEmpty() ? heads.get(0) : matching.get(0);
    }
    String names = String.join("", heads.stream().map(head -> "「" + head.name() + "」").toList());
    if (matching.isEmpty()) {
      throw refuse("工作簿中找不到「" + layout.sheetName() + "」：没有这个名字的工作表，工作表" + names + "的表头也不是本表的表头（应有 "
          + String.join("、", layout.requiredHeaders()) + "）；请使用下载的模板");
    }
    throw refuse("工作簿中有 " + matching.size() + " 张工作表都是「" + layout.sheetName() + "」的表头："
        + String.join("", matching.stream().map(head -> "「" + head.name() + "」").toList()) + "，无法确定导入哪一张；请只保留要导入的一张，或把它命名为「"
        + layout.sheetName() + "」");
  }

  /** The chosen sheet has no usable header row: say which columns are missing. */
  private static Header refuseHeader(SheetHead sheet, SheetLayout layout) {
    if (sheet.rows().isEmpty()) {
      throw new ExcelImportException(List.of(new ExcelProblem(sheet.name(), 0, null, "工作表为空，缺少表头")));
    }
    Header best = Header.closest(sheet.rows(), layout);
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < layout.columns().size(); i++) {
      if (layout.columns().get(i).required() && !best.columns().containsValue(i)) {
        missing.add(layout.columns().get(i).header());
      }
    }
    List<String> optional = layout.columns().stream().filter(column -> !column.required()).map(ColumnSpec::header).toList();
    throw new ExcelImportException(List.of(new ExcelProblem(sheet.name(), best.rowNumber(), null, "表头缺少必填列"
        + String.join("", missing.stream().map(header -> "「" + header + "」").toList()) + "；本表的表头为“"
        + String.join("、", layout.headers()) + "”" + (optional.isEmpty() ? "" : "，其中 " + String.join("、", optional) + " 可以省略")
        + "；请使用下载的模板")));
  }

  private static void parse(InputStream sheet, StylesTable styles, ReadOnlySharedStringsTable strings, SheetContentsHandler rows,
      CellFormatter formatter) throws IOException, SAXException, ParserConfigurationException {
    XMLReader parser = SAXHelper.newXMLReader();
    parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, rows, formatter, false));
    try {
      parser.parse(new InputSource(sheet));
    } catch (StopReading stop) {
      // seen enough of this sheet
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

  /** A file POI cannot read: the reason in Chinese; the detail (with the server's paths) only in the log. */
  private static ExcelImportException unreadable(Exception e) {
    LOG.log(System.Logger.Level.DEBUG, "Excel 文件无法读取", e);
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      String message = String.valueOf(cause.getMessage());
      if (message.contains("Zip bomb") || message.contains("zip bomb")) {
        return refuse("文件解压后异常庞大（压缩比异常，疑似“压缩炸弹”），已拒绝读取；请上传正常保存的 Excel 文件");
      }
      if (message.contains("DOCTYPE") || message.contains("DTD") || message.contains("entity") || message.contains("实体")) {
        return refuse("文件中含有不允许的 XML 内容（文档类型声明或外部实体），已拒绝读取；请在 Excel 中打开并另存为 .xlsx 后再导入");
      }
    }
    return refuse("文件已损坏或不完整，无法读取；请在 Excel 中打开并另存为 .xlsx 后再导入");
  }

  /**
   * Shows date cells as yyyy-MM-dd whatever their display format, and remembers that the last cell was a number
   * (and whether a date): a month typed into a General cell must not pass as text.
   */
  private static final class CellFormatter extends DataFormatter {

    private boolean number;
    private boolean date;

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
      number = true;
      date = DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value);
      if (date) {
        return DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate().toString();
      }
      return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
    }

    /** 0 for text, 1 for a number, 2 for a date; then forgets it for the next cell. */
    int take() {
      int kind = number ? (date ? 2 : 1) : 0;
      number = false;
      date = false;
      return kind;
    }
  }

  /**
   * A cell's column: from its reference (its leading letters, as {@link CellReference} reads them, without parsing
   * the whole reference for each of a large sheet's cells), or after the cell before it when the file leaves the
   * reference out.
   */
  private static int columnOf(String reference, int next) {
    if (reference == null) {
      return next;
    }
    int column = 0;
    for (int i = 0; i < reference.length(); i++) {
      char c = reference.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        column = column * 26 + c - 'A' + 1;
      } else if (c != '$' || column > 0) {
        break;
      }
    }
    return column == 0 ? new CellReference(reference).getCol() : column - 1;
  }

  /** Thrown from the SAX handler to stop reading a sheet. */
  private static final class StopReading extends RuntimeException {
    StopReading() {
      super(null, null, false, false);
    }
  }

  /** A sheet's name, place, first rows, and its header row if one has every required column. */
  private record SheetHead(String name, int index, List<Map<Integer, String>> rows, Header header) {}

  /** The first rows of a sheet, cell texts by column. */
  private static final class HeadProbe implements SheetContentsHandler {

    private final List<Map<Integer, String>> rows = new ArrayList<>();
    private Map<Integer, String> cells;

    private int column;

    @Override
    public void startRow(int rowIndex) {
      cells = new LinkedHashMap<>();
      cells.put(-1, String.valueOf(rowIndex));
      column = 0;
    }

    @Override
    public void cell(String reference, String formattedValue, XSSFComment comment) {
      column = columnOf(reference, column);
      if (formattedValue != null && !CellValues.normalise(formattedValue).isEmpty()) {
        cells.put(column, formattedValue);
      }
      column++;
    }

    @Override
    public void endRow(int rowIndex) {
      if (cells.size() > 1) {
        rows.add(cells);
        if (rows.size() >= HEADER_SEARCH_ROWS) {
          throw new StopReading();
        }
      }
    }
  }

  /**
   * A header row: its row number and which sheet column holds which of the table's columns, with the headers that
   * are none of them.
   */
  private record Header(int rowNumber, Map<Integer, Integer> columns, List<String> unknown, List<String> repeated) {

    /** A header as written, with every space and a trailing required mark (*) left out. */
    static String plain(String header) {
      return CellValues.normalise(header).replaceAll("\\s+", "").replaceAll("[*＊]$", "");
    }

    static Header of(Map<Integer, String> row, SheetLayout layout) {
      Map<String, Integer> byHeader = new HashMap<>();
      for (int i = 0; i < layout.columns().size(); i++) {
        byHeader.put(plain(layout.columns().get(i).header()), i);
      }
      Map<Integer, Integer> columns = new LinkedHashMap<>();
      List<String> unknown = new ArrayList<>();
      List<String> repeated = new ArrayList<>();
      row.forEach((column, text) -> {
        if (column < 0) {
          return;
        }
        Integer index = byHeader.get(plain(text));
        if (index == null) {
          unknown.add(CellValues.normalise(text));
        } else if (columns.containsValue(index)) {
          repeated.add(layout.columns().get(index).header());
        } else {
          columns.put(column, index);
        }
      });
      return new Header(Integer.parseInt(row.get(-1)) + 1, columns, unknown, repeated);
    }

    /** The first row that has every required column, or null. */
    static Header find(List<Map<Integer, String>> rows, SheetLayout layout) {
      return rows.stream().map(row -> of(row, layout)).filter(header -> header.complete(layout)).findFirst().orElse(null);
    }

    /** The row most like the header, for saying what it lacks. */
    static Header closest(List<Map<Integer, String>> rows, SheetLayout layout) {
      Header best = null;
      for (Map<Integer, String> row : rows) {
        Header header = of(row, layout);
        if (best == null || header.columns().size() > best.columns().size()) {
          best = header;
        }
      }
      return best;
    }

    boolean complete(SheetLayout layout) {
      for (int i = 0; i < layout.columns().size(); i++) {
        if (layout.columns().get(i).required() && !columns.containsValue(i)) {
          return false;
        }
      }
      return true;
    }
  }

  /** Checks each data row below the header, cell by cell; a wrong cell reads as blank and is reported. */
  private static final class RowCollector implements SheetContentsHandler {

    private final SheetLayout layout;
    private final String sheet;
    private final Header header;
    private final CellFormatter formatter;
    private final int maxRows;
    private final List<ExcelRow> rows = new ArrayList<>();
    private final List<ExcelProblem> problems = new ArrayList<>();
    private int unlisted;
    private String[] cells;
    private int[] kinds;
    private String[] above;

    RowCollector(SheetLayout layout, String sheet, Header header, CellFormatter formatter, int maxRows) {
      this.layout = layout;
      this.sheet = sheet;
      this.header = header;
      this.formatter = formatter;
      this.maxRows = maxRows;
      this.above = new String[layout.columns().size()];
    }

    private int next;

    @Override
    public void startRow(int rowIndex) {
      cells = new String[layout.columns().size()];
      kinds = new int[layout.columns().size()];
      next = 0;
    }

    @Override
    public void cell(String reference, String formattedValue, XSSFComment comment) {
      int kind = formatter.take();
      next = columnOf(reference, next) + 1;
      Integer column = header.columns().get(next - 1);
      if (column != null && formattedValue != null) {
        cells[column] = formattedValue;
        kinds[column] = kind;
      }
    }

    @Override
    public void endRow(int rowIndex) {
      int rowNumber = rowIndex + 1;
      if (rowNumber <= header.rowNumber()) {
        return;
      }
      // normalised in place: each cell once
      boolean blank = true;
      for (int i = 0; i < cells.length; i++) {
        cells[i] = CellValues.normalise(cells[i]);
        blank &= cells[i].isEmpty();
      }
      if (blank) {
        return;
      }
      if (rows.size() >= maxRows) {
        problems.add(new ExcelProblem(sheet, rowNumber, null, "行数超过上限 " + maxRows + " 行，请分批导入"));
        throw new StopReading();
      }
      String[] values = new String[cells.length];
      for (int i = 0; i < cells.length; i++) {
        ColumnSpec column = layout.columns().get(i);
        String value = cells[i];
        if (value.isEmpty() && column.carriesDown() && above[i] != null) {
          value = above[i];
        }
        String checked = check(column, value, kinds[i], rowNumber);
        values[i] = checked == null ? "" : checked;
      }
      above = values;
      rows.add(new ExcelRow(rowNumber, List.of(values)));
    }

    /** The normalised value, or null after recording why it is wrong. */
    private String check(ColumnSpec column, String value, int kind, int rowNumber) {
      if (kind == 1 && column.kind() == ColumnKind.DATE) {
        return problem(rowNumber, column, "“" + value + "”是数字，不是日期；请把单元格设为文本格式，输入 2027-02-26 这样的日期（下载的模板中该列已是文本格式）");
      }
      if (kind == 1 && column.kind() != ColumnKind.NUMBER && AMBIGUOUS_MONTH.matcher(value).matches()) {
        return problem(rowNumber, column, "“" + value + "”是数字单元格：Excel 会把 " + value + "0 存成 " + value
            + "，无法确定是 1 月还是 10 月；请把单元格设为文本格式后输入 " + value.replaceFirst("\\.1$", ".01") + " 或 " + value
            + "0（下载的模板中该列已是文本格式）");
      }
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

    SheetRead result() {
      List<ExcelProblem> all = new ArrayList<>(problems);
      if (rows.isEmpty() && problems.isEmpty()) {
        all.add(new ExcelProblem(sheet, 0, null, "没有找到要导入的行：表头下方是空的（上传的是空白模板？）"));
      }
      if (!header.unknown().isEmpty() && layout.otherColumnsRefused()) {
        all.add(0, new ExcelProblem(sheet, header.rowNumber(), null, "表头中" + String.join("", header.unknown().stream()
            .map(text -> "「" + text + "」").toList()) + "不是本表的列；本表的列为 " + String.join("、", layout.headers())));
      }
      for (String repeated : header.repeated()) {
        all.add(0, new ExcelProblem(sheet, header.rowNumber(), repeated, "表头中此列出现了不止一次"));
      }
      if (unlisted > 0) {
        all.add(ExcelProblem.ofFile("另有 " + unlisted + " 处问题未列出"));
      }
      return new SheetRead(sheet, rows, all);
    }
  }
}
