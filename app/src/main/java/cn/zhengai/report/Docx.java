package cn.zhengai.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.Units;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFRadarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFChart;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * A Word document the reports write into: headings Word's table of contents knows (标题 1–3), paragraphs, tables,
 * native charts (a radar and clustered bars with their data in an embedded workbook, editable in Word). The same
 * content gives the same document parts; only the creation time in its properties differs.
 */
final class Docx implements AutoCloseable {

  static final String FONT = "宋体";
  private static final int[] HEADING_SIZES = {32, 28, 24};

  private final XWPFDocument document = new XWPFDocument();

  Docx(String title, Instant generatedAt) {
    document.getProperties().getCoreProperties().setTitle(title);
    document.getProperties().getCoreProperties().setCreator("诊改平台");
    document.getProperties().getCoreProperties().setCreated(Optional.of(Date.from(generatedAt)));
    XWPFStyles styles = document.createStyles();
    for (int level = 1; level <= HEADING_SIZES.length; level++) {
      CTStyle style = CTStyle.Factory.newInstance();
      style.setStyleId("Heading" + level);
      style.setType(STStyleType.PARAGRAPH);
      style.addNewName().setVal("heading " + level);
      style.addNewBasedOn().setVal("Normal");
      style.addNewQFormat();
      style.addNewPPr().addNewOutlineLvl().setVal(BigInteger.valueOf(level - 1));
      var run = style.addNewRPr();
      run.addNewB();
      run.addNewSz().setVal(BigInteger.valueOf(HEADING_SIZES[level - 1]));
      styles.addStyle(new XWPFStyle(style, styles));
    }
  }

  XWPFDocument document() {
    return document;
  }

  void title(String text, String subtitle) {
    XWPFParagraph paragraph = document.createParagraph();
    paragraph.setAlignment(ParagraphAlignment.CENTER);
    run(paragraph, text).setBold(true);
    paragraph.getRuns().get(0).setFontSize(22);
    if (subtitle != null) {
      XWPFParagraph second = document.createParagraph();
      second.setAlignment(ParagraphAlignment.CENTER);
      run(second, subtitle);
    }
  }

  void heading(int level, String text) {
    XWPFParagraph paragraph = document.createParagraph();
    paragraph.setStyle("Heading" + level);
    run(paragraph, text);
  }

  void paragraph(String text) {
    String[] lines = (text == null || text.isBlank() ? "（未填写）" : text).split("\n");
    XWPFParagraph paragraph = document.createParagraph();
    XWPFRun run = run(paragraph, lines[0]);
    for (int i = 1; i < lines.length; i++) {
      run.addBreak();
      run.setText(lines[i]);
    }
  }

  /** A label in bold followed by its text, e.g. 自评等级：良好. */
  void labelled(String label, String text) {
    XWPFParagraph paragraph = document.createParagraph();
    run(paragraph, label + "：").setBold(true);
    run(paragraph, text == null || text.isBlank() ? "（未填写）" : text);
  }

  void table(List<String> headers, List<List<String>> rows) {
    XWPFTable table = document.createTable(rows.size() + 1, headers.size());
    table.setWidth("100%");
    fill(table.getRow(0), headers, true);
    for (int i = 0; i < rows.size(); i++) {
      fill(table.getRow(i + 1), rows.get(i), false);
    }
    document.createParagraph();
  }

  /** A field Word fills with the table of contents when the document is opened (it asks to update fields). */
  void tableOfContents(List<String> headings) {
    heading(1, "目录");
    XWPFParagraph paragraph = document.createParagraph();
    CTSimpleField field = paragraph.getCTP().addNewFldSimple();
    field.setInstr("TOC \\o \"1-2\" \\h \\z \\u");
    field.setDirty(true);
    var placeholder = field.addNewR();
    placeholder.addNewT().setStringValue(String.join("；", headings));
    document.enforceUpdateFields();
  }

  void pageBreak() {
    document.createParagraph().setPageBreak(true);
  }

  /** A radar of values (e.g. attainment in percent) over categories. */
  void radar(String title, String seriesTitle, List<String> categories, List<Double> values) {
    XWPFChart chart = chart(title);
    XDDFCategoryAxis categoryAxis = chart.createCategoryAxis(AxisPosition.BOTTOM);
    XDDFValueAxis valueAxis = chart.createValueAxis(AxisPosition.LEFT);
    XDDFCategoryDataSource names = categories(chart, categories);
    XDDFRadarChartData data = (XDDFRadarChartData) chart.createData(ChartTypes.RADAR, categoryAxis, valueAxis);
    series(chart, data, names, seriesTitle, values, 1);
    chart.plot(data);
    document.createParagraph();
  }

  /** Clustered bars: one series per entry of {@code series} (e.g. a year), one group per category (e.g. a target). */
  void bars(String title, List<String> categories, List<String> seriesTitles, List<List<Double>> series) {
    XWPFChart chart = chart(title);
    XDDFCategoryAxis categoryAxis = chart.createCategoryAxis(AxisPosition.BOTTOM);
    XDDFValueAxis valueAxis = chart.createValueAxis(AxisPosition.LEFT);
    XDDFCategoryDataSource names = categories(chart, categories);
    XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categoryAxis, valueAxis);
    data.setBarDirection(BarDirection.COL);
    for (int i = 0; i < series.size(); i++) {
      series(chart, data, names, seriesTitles.get(i), series.get(i), i + 1);
    }
    chart.plot(data);
    document.createParagraph();
  }

  byte[] bytes() {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    document.close();
  }

  private XWPFChart chart(String title) {
    try {
      XWPFChart chart = document.createChart(15 * Units.EMU_PER_CENTIMETER, 9 * Units.EMU_PER_CENTIMETER);
      chart.setTitleText(title);
      chart.setTitleOverlay(false);
      chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
      return chart;
    } catch (Exception e) {
      throw new IllegalStateException("无法在报告中创建图表“" + title + "”", e);
    }
  }

  private static XDDFCategoryDataSource categories(XWPFChart chart, List<String> categories) {
    return XDDFDataSourcesFactory.fromArray(categories.toArray(String[]::new),
        chart.formatRange(new CellRangeAddress(1, categories.size(), 0, 0)), 0);
  }

  private static void series(XWPFChart chart, XDDFChartData data, XDDFCategoryDataSource names, String title,
      List<Double> values, int column) {
    XDDFNumericalDataSource<Double> numbers = XDDFDataSourcesFactory.fromArray(values.toArray(Double[]::new),
        chart.formatRange(new CellRangeAddress(1, values.size(), column, column)), column);
    XDDFChartData.Series series = data.addSeries(names, numbers);
    series.setTitle(title, chart.setSheetTitle(title, column));
  }

  private static void fill(XWPFTableRow row, List<String> cells, boolean header) {
    for (int i = 0; i < cells.size(); i++) {
      var cell = row.getCell(i);
      XWPFParagraph paragraph = cell.getParagraphs().get(0);
      XWPFRun run = run(paragraph, cells.get(i) == null ? "" : cells.get(i));
      run.setBold(header);
    }
  }

  private static XWPFRun run(XWPFParagraph paragraph, String text) {
    XWPFRun run = paragraph.createRun();
    CTFonts fonts = run.getCTR().addNewRPr().addNewRFonts();
    fonts.setEastAsia(FONT);
    run.setText(text);
    return run;
  }
}
