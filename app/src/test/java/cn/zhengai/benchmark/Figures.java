package cn.zhengai.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * The figures of a benchmark run, each beside the baseline measured in the same run: printed as they come and
 * appended as Markdown table rows to {@code target/benchmarks/figures.md}.
 */
public final class Figures {

  private final Path file;

  Figures(Path file) {
    this.file = file;
  }

  /** One figure: what was measured, on which database, its value and its baseline's, in the same unit. */
  public void add(String benchmark, String what, BenchmarkDatabase database, double value, double baseline, String unit) {
    String row = String.format(Locale.ROOT, "| %s | %s | %s | %.1f %s | %.1f %s | %.2f |", benchmark, what, database.label(), value, unit,
        baseline, unit, baseline == 0 ? Double.NaN : value / baseline);
    System.out.println(row);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, row + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A line of context (sizes, settings) printed with the figures. */
  public void note(String text) {
    System.out.println("  " + text);
  }
}
