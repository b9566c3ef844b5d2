package cn.zhengai.statedata;

import cn.zhengai.JdbcBatches;
import cn.zhengai.calendar.CollegeTime;
import cn.zhengai.statedata.Formula.FormulaException;
import cn.zhengai.statedata.Indicators.Definition;
import cn.zhengai.integration.excel.CellValues;
import cn.zhengai.integration.excel.ExcelImportException;
import cn.zhengai.integration.excel.ExcelProblem;
import cn.zhengai.spiral.Period;
import cn.zhengai.spiral.Subject;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads the readings a source offers: checks every row first (indicator, subject, period, value; problems named by
 * sheet, row and column like the planning import), then writes them all. A reading replaces the same source's
 * reading of the same indicator, subject and period, which moves to the history. Indicators derived from the loaded
 * ones are computed for the same subjects and periods, and the targets they serve take the new values.
 */
@Component
class ReadingLoader {

  private static final Pattern CHINESE_MONTH = Pattern.compile("(\\d{4})\\s*[年./]\\s*(\\d{1,2})\\s*月?");
  private static final Pattern CHINESE_YEAR = Pattern.compile("(\\d{4})\\s*年度?");
  private static final List<String> READING_COLUMNS = List.of("indicator_id", "subject_level", "subject_id", "period_code",
      "period_end", "source_code", "reading_value", "loaded_at", "run_id", "loaded_by");

  private final JdbcTemplate jdbc;
  private final Indicators indicators;
  private final Subjects subjects;
  private final TargetReadings targets;
  private final Clock clock;

  ReadingLoader(JdbcTemplate jdbc, Indicators indicators, Subjects subjects, TargetReadings targets, Clock clock) {
    this.jdbc = jdbc;
    this.indicators = indicators;
    this.subjects = subjects;
    this.targets = targets;
    this.clock = clock;
  }

  /** One reading as a source offers it, with where it stands (sheet, row, the columns' headers) for naming problems. */
  record Offered(Place place, String indicator, String subject, String period, String value) {}

  /** Where a row stands: a sheet or file, its row, and the header of each of its four parts. */
  record Place(String sheet, int row, String indicatorColumn, String subjectColumn, String periodColumn, String valueColumn) {

    ExcelProblem problem(String column, String message) {
      return new ExcelProblem(sheet, row, column, message);
    }
  }

  record Checked(Definition indicator, Subject subject, Period period, BigDecimal value) {}

  /** What a reading is of: one value per indicator, subject and period in a run. */
  private record Key(long indicator, Subject subject, Period period) {}

  /** Who loads: the source, its run, and the person or system behind it. */
  record Load(String sourceCode, Long runId, String loadedBy, Instant at) {}

  /** What a load wrote. */
  record Loaded(int readings, int derived) {}

  /** Checks every offered row; refused with every problem when any is wrong. */
  List<Checked> check(List<Offered> offered) {
    Map<String, Definition> known = indicators.byCode();
    Subjects.Directory directory = subjects.directory();
    LocalDate today = CollegeTime.today(clock);
    List<ExcelProblem> problems = new ArrayList<>();
    List<Checked> checked = new ArrayList<>(offered.size());
    Map<Key, Integer> firstRow = new HashMap<>();
    Map<String, Period> periods = new HashMap<>();
    for (Offered row : offered) {
      Place place = row.place();
      int before = problems.size();
      Definition indicator = known.get(row.indicator().strip());
      if (indicator == null) {
        problems.add(place.problem(place.indicatorColumn(), "指标“" + row.indicator() + "”不存在，请先在「指标」表中建立"));
      } else if (indicator.derived()) {
        problems.add(place.problem(place.indicatorColumn(), "指标" + indicator.label() + "由公式 " + indicator.formula()
            + " 计算得出，不能直接载入"));
      }
      Optional<Subject> subject = directory.resolve(row.subject());
      if (subject.isEmpty()) {
        problems.add(place.problem(place.subjectColumn(), "“" + row.subject() + "”不是本校的部门、教学单位或专业（全校请写“全校”，专业请写专业代码）"));
      } else if (indicator != null && !Subjects.Directory.fits(indicator.level(), subject.get())) {
        problems.add(place.problem(place.subjectColumn(), "指标" + indicator.label() + "是" + indicator.level().label()
            + "层面的指标，“" + row.subject() + "”不是" + indicator.level().label() + "层面的对象"));
      }
      // one Period per distinct text: a large load names few periods many times
      Period period = periods.get(row.period());
      if (period == null) {
        period = period(row.period(), place, today, problems);
        if (period != null) {
          periods.put(row.period(), period);
        }
      }
      BigDecimal value = value(row.value(), place, problems);
      if (problems.size() > before) {
        continue;
      }
      Integer first = firstRow.putIfAbsent(new Key(indicator.id(), subject.get(), period), place.row());
      if (first != null) {
        problems.add(place.problem(place.valueColumn(), "与第 " + first + " 行重复：指标" + indicator.label() + "、"
            + directory.name(subject.get()) + "、" + period.label() + "只能有一个值"));
        continue;
      }
      checked.add(new Checked(indicator, subject.get(), period, value));
    }
    if (!problems.isEmpty()) {
      throw new ExcelImportException(problems);
    }
    return checked;
  }

  private static Period period(String text, Place place, LocalDate today, List<ExcelProblem> problems) {
    String plain = CellValues.normalise(text == null ? "" : text).strip();
    try {
      Period period = parsePeriod(plain);
      if (Readings.start(period).isAfter(today)) {
        problems.add(place.problem(place.periodColumn(), "周期“" + plain + "”（" + period.label() + "）尚未开始，不能有读数"));
        return null;
      }
      return period;
    } catch (IllegalArgumentException e) {
      problems.add(place.problem(place.periodColumn(), "周期“" + plain + "”不在校历之内：" + e.getMessage()));
      return null;
    }
  }

  /** A period as files write it: 2027-03, 2027年3月, 2027.03, 2027年, 2026-2027-1; refused with the reason. */
  static Period parsePeriod(String plain) {
    Matcher month = CHINESE_MONTH.matcher(plain);
    Matcher year = CHINESE_YEAR.matcher(plain);
    return Period.parse(month.matches() ? month.group(1) + "-" + (month.group(2).length() == 1 ? "0" : "") + month.group(2)
        : year.matches() ? year.group(1) : plain);
  }

  private static BigDecimal value(String text, Place place, List<ExcelProblem> problems) {
    String plain = CellValues.normalise(text == null ? "" : text).strip().replace(",", "");
    if (plain.endsWith("%")) {
      plain = plain.substring(0, plain.length() - 1).strip();
    }
    try {
      return new BigDecimal(plain);
    } catch (NumberFormatException e) {
      problems.add(place.problem(place.valueColumn(), plain.isEmpty() ? "缺少数值" : "“" + text + "”不是数值"));
      return null;
    }
  }

  /**
   * Writes checked readings in the caller's transaction, then the derived indicators over them and the targets they
   * serve. A formula that cannot be computed (a zero divisor) is refused with its place, and the caller rolls back.
   */
  Loaded write(List<Checked> readings, Load load) {
    replaceEarlier(readings, load);
    insert(readings, load);
    List<Checked> derived = derive(readings, load);
    if (!derived.isEmpty()) {
      replaceEarlier(derived, new Load(Readings.DERIVED, load.runId(), load.loadedBy(), load.at()));
      insert(derived, new Load(Readings.DERIVED, load.runId(), load.loadedBy(), load.at()));
    }
    Set<Long> touched = new HashSet<>();
    readings.forEach(reading -> touched.add(reading.indicator().id()));
    derived.forEach(reading -> touched.add(reading.indicator().id()));
    targets.refresh(touched);
    return new Loaded(readings.size(), derived.size());
  }

  /** The same source's readings of the same keys move to the history (only periods it has read before are looked at). */
  private void replaceEarlier(List<Checked> readings, Load load) {
    Set<String> periods = new LinkedHashSet<>();
    readings.forEach(reading -> periods.add(reading.period().code()));
    Set<String> readBefore = new HashSet<>();
    for (String period : periods) {
      if (!jdbc.queryForList("SELECT 1 FROM reading WHERE source_code = ? AND period_code = ? FETCH FIRST 1 ROWS ONLY",
          Integer.class, load.sourceCode(), period).isEmpty()) {
        readBefore.add(period);
      }
    }
    if (readBefore.isEmpty()) {
      return;
    }
    List<Checked> again = readings.stream().filter(reading -> readBefore.contains(reading.period().code())).toList();
    String key = " WHERE indicator_id = ? AND subject_level = ? AND subject_id = ? AND period_code = ? AND source_code = ?";
    JdbcBatches.write(jdbc, "INSERT INTO reading_history (indicator_id, subject_level, subject_id, period_code, source_code, reading_value,"
        + " loaded_at, run_id, loaded_by, replaced_at) SELECT indicator_id, subject_level, subject_id, period_code, source_code,"
        + " reading_value, loaded_at, run_id, loaded_by, ? FROM reading" + key, again,
        reading -> new Object[] {Timestamp.from(load.at()), reading.indicator().id(), reading.subject().level().name(),
            reading.subject().id(), reading.period().code(), load.sourceCode()});
    JdbcBatches.write(jdbc, "DELETE FROM reading" + key, again, reading -> new Object[] {reading.indicator().id(),
        reading.subject().level().name(), reading.subject().id(), reading.period().code(), load.sourceCode()});
  }

  private void insert(List<Checked> readings, Load load) {
    Timestamp at = Timestamp.from(load.at());
    JdbcBatches.insert(jdbc, "reading", READING_COLUMNS, readings,
        reading -> new Object[] {reading.indicator().id(), reading.subject().level().name(), reading.subject().id(),
            reading.period().code(), Date.valueOf(Readings.end(reading.period())), load.sourceCode(), reading.value(), at,
            load.runId(), load.loadedBy()});
  }

  /**
   * The derived indicators over the loaded ones (and over those derived from them, in order), for each subject and
   * period loaded; a subject and period where a reading the formula needs is missing gets no derived reading.
   */
  private List<Checked> derive(List<Checked> loaded, Load load) {
    Map<String, Definition> all = indicators.byCode();
    List<Definition> order = IndicatorGraph.derivationOrder(all);
    Set<String> changed = new HashSet<>();
    loaded.forEach(reading -> changed.add(reading.indicator().code()));
    Set<String> slots = new LinkedHashSet<>();
    Map<String, Checked> slotExample = new LinkedHashMap<>();
    loaded.forEach(reading -> {
      String slot = reading.subject().level() + "|" + reading.subject().id() + "|" + reading.period().code();
      if (slots.add(slot)) {
        slotExample.put(slot, reading);
      }
    });
    Subjects.Directory directory = null;
    List<Checked> derived = new ArrayList<>();
    Map<String, BigDecimal> computed = new HashMap<>();
    for (Definition indicator : order) {
      if (indicator.formula().references().stream().noneMatch(changed::contains)) {
        continue;
      }
      changed.add(indicator.code());
      for (Checked example : slotExample.values()) {
        if (example.subject().level() != indicator.level()) {
          continue;
        }
        Map<String, BigDecimal> values = values(indicator.formula().references(), all, example, computed);
        try {
          Optional<BigDecimal> value = indicator.formula().evaluate(code -> Optional.ofNullable(values.get(code)));
          if (value.isPresent()) {
            derived.add(new Checked(indicator, example.subject(), example.period(), value.get()));
            computed.put(indicator.code() + "|" + example.subject() + "|" + example.period().code(), value.get());
          }
        } catch (FormulaException | ArithmeticException e) {
          directory = directory == null ? subjects.directory() : directory;
          throw new ExcelImportException(List.of(ExcelProblem.ofFile("指标" + indicator.label() + "（公式 " + indicator.formula()
              + "）在" + directory.name(example.subject()) + " " + example.period().label() + "无法计算：" + e.getMessage())));
        }
      }
    }
    return derived;
  }

  /** Each referred indicator's value for the subject and period: computed in this load, else its latest reading. */
  private Map<String, BigDecimal> values(Set<String> codes, Map<String, Definition> all, Checked slot, Map<String, BigDecimal> computed) {
    Map<String, BigDecimal> values = new HashMap<>();
    for (String code : codes) {
      BigDecimal value = computed.get(code + "|" + slot.subject() + "|" + slot.period().code());
      if (value == null && all.containsKey(code)) {
        List<BigDecimal> latest = jdbc.queryForList("SELECT reading_value FROM reading WHERE indicator_id = ? AND subject_level = ?"
            + " AND subject_id = ? AND period_code = ? ORDER BY loaded_at DESC, id DESC FETCH FIRST 1 ROWS ONLY", BigDecimal.class,
            all.get(code).id(), slot.subject().level().name(), slot.subject().id(), slot.period().code());
        value = latest.isEmpty() ? null : latest.get(0);
      }
      if (value != null) {
        values.put(code, value);
      }
    }
    return values;
  }
}
