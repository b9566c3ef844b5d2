package cn.zhengai.support;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/** Reading a generated Word document in a test: its headings and its tables as text. */
public final class WordDocuments {

  private WordDocuments() {}

  public static List<String> headings(XWPFDocument document) {
    return document.getParagraphs().stream().filter(paragraph -> paragraph.getStyle() != null
        && paragraph.getStyle().startsWith("Heading")).map(XWPFParagraph::getText).toList();
  }

  /** The first table with a header cell of exactly this text. */
  public static XWPFTable tableWithHeader(XWPFDocument document, String header) {
    return document.getTables().stream().filter(table -> table.getRow(0).getTableCells().stream()
        .anyMatch(cell -> cell.getText().equals(header))).findFirst().orElseThrow();
  }

  public static List<List<String>> cells(XWPFTable table) {
    List<List<String>> rows = new ArrayList<>();
    for (XWPFTableRow row : table.getRows()) {
      rows.add(row.getTableCells().stream().map(cell -> cell.getText()).toList());
    }
    return rows;
  }
}
