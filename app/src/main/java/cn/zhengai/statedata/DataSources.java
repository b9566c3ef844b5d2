package cn.zhengai.statedata;

import cn.zhengai.integration.excel.ExcelImportException;
import cn.zhengai.integration.excel.ExcelProblem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * The sources readings come from, kept by 质管办: each an adapter (a file folder with a mapping, a query on a college
 * system, a push endpoint) with its settings and a schedule. A push source's secret is kept only as a hash.
 */
@Service
class DataSources {

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final Indicators indicators;
  private final Clock clock;

  DataSources(JdbcTemplate jdbc, ObjectMapper json, Indicators indicators, Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.indicators = indicators;
    this.clock = clock;
  }

  enum Kind {
    FILE("文件"), JDBC("数据库查询"), PUSH("推送接口");

    final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  /**
   * A source's settings; which apply depends on its kind. A file: the folder it is dropped into, the sheet, the column
   * naming the subject, the period (a column, or one period for the whole file), and either the columns that each hold
   * one indicator ({@code columns}: header → indicator code, the national platform's wide tables) or one column naming
   * the indicator and one holding the value. A query: the JDBC URL of a read-only account, its user and password, and
   * a query answering indicator, subject, period and value.
   */
  record Settings(String folder, String sheet, String subjectColumn, String periodColumn, String period, String indicatorColumn,
      String valueColumn, Map<String, String> columns, String url, String username, String password, String query) {}

  record Source(String code, String name, Kind kind, Settings settings, String schedule, boolean enabled, String secretHash) {

    String label() {
      return "「" + name + "」（" + code + "）";
    }
  }

  /**
   * A file source's mapping as 质管办 edits it on the 数据平台 page: the sheet, the subject and period columns (or one
   * period for the whole file), the folder, and one row per column holding an indicator, in the form's order; or an
   * indicator column and a value column.
   */
  record MappingRequest(String sheet, String subjectColumn, String periodColumn, String period, String folder,
      String indicatorColumn, String valueColumn, List<ColumnMapping> columns) {}

  /** One row of a mapping: a column of the file and the indicator it holds. */
  record ColumnMapping(String column, String indicator) {}

  /** What 质管办 sends to create or change a source; a push source's secret only when it is set or changed. */
  record SourceRequest(String name, String kind, String schedule, Boolean enabled, Settings settings, String secret) {}

  List<Source> all() {
    return jdbc.query("SELECT * FROM data_source ORDER BY code", (rs, n) -> new Source(rs.getString("code"), rs.getString("name"),
        Kind.valueOf(rs.getString("kind")), read(rs.getString("settings")), rs.getString("schedule"), rs.getBoolean("enabled"),
        rs.getString("secret_hash")));
  }

  Optional<Source> find(String code) {
    return all().stream().filter(source -> source.code().equals(code)).findFirst();
  }

  Source require(String code) {
    return find(code).orElseThrow(() -> notFound("没有编号为“" + code + "”的数据来源"));
  }

  /** Creates or changes a source after checking its settings; refused with a Chinese message naming the setting. */
  Source save(String code, SourceRequest request, String editor) {
    if (code == null || !code.matches("[A-Za-z0-9_-]{1,64}")) {
      throw badRequest("来源编号（code）只能由字母、数字、- 和 _ 组成，最长 64 个字符");
    }
    if (request.name() == null || request.name().isBlank()) {
      throw badRequest("请填写来源名称（name）");
    }
    Kind kind;
    try {
      kind = Kind.valueOf(request.kind() == null ? "" : request.kind());
    } catch (IllegalArgumentException e) {
      throw badRequest("来源类型（kind）应为 FILE（文件）、JDBC（数据库查询）或 PUSH（推送接口），收到的是“" + request.kind() + "”");
    }
    String schedule = request.schedule() == null || request.schedule().isBlank() ? null : request.schedule().strip();
    if (schedule != null && !CronExpression.isValidExpression(schedule)) {
      throw badRequest("计划（schedule）“" + schedule + "”不是有效的 cron 表达式，例如每天 6 点：0 0 6 * * *");
    }
    Settings settings = request.settings() == null ? new Settings(null, null, null, null, null, null, null, null, null, null, null, null)
        : request.settings();
    Optional<Source> existing = find(code);
    checkSettings(kind, settings);
    if (kind == Kind.JDBC && "******".equals(settings.password()) && existing.isPresent()) {
      settings = withPassword(settings, existing.get().settings().password());
    }
    String secretHash = existing.map(Source::secretHash).orElse(null);
    if (request.secret() != null && !request.secret().isBlank()) {
      if (request.secret().length() < 16) {
        throw badRequest("推送密钥（secret）至少 16 个字符");
      }
      secretHash = hash(request.secret());
    }
    if (kind == Kind.PUSH && secretHash == null) {
      throw badRequest("推送接口需要推送密钥（secret），至少 16 个字符");
    }
    Object[] values = {request.name().strip(), kind.name(), write(settings), schedule, secretHash,
        request.enabled() == null || request.enabled(), editor, Timestamp.from(Instant.now(clock)), code};
    if (existing.isPresent()) {
      jdbc.update("UPDATE data_source SET name = ?, kind = ?, settings = ?, schedule = ?, secret_hash = ?, enabled = ?,"
          + " updated_by = ?, updated_at = ? WHERE code = ?", values);
    } else {
      jdbc.update("INSERT INTO data_source (name, kind, settings, schedule, secret_hash, enabled, updated_by, updated_at, code)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", values);
    }
    return require(code);
  }

  /**
   * Replaces a file source's mapping after checking it whole, as an import is checked: every problem named by the
   * place it is in (对应关系第 n 行「指标编号」…), nothing saved while there is one.
   */
  Source saveMapping(String code, MappingRequest request, String editor) {
    Source source = require(code);
    if (source.kind() != Kind.FILE) {
      throw badRequest("数据来源" + source.label() + "不是文件来源，没有文件的对应关系");
    }
    List<ColumnMapping> rows = request.columns() == null ? List.of() : request.columns();
    List<String> problems = mappingProblems(request.sheet(), request.subjectColumn(), request.periodColumn(), request.period(),
        request.indicatorColumn(), request.valueColumn(), rows);
    if (!problems.isEmpty()) {
      throw new ExcelImportException(problems.stream().map(ExcelProblem::ofFile).toList());
    }
    Map<String, String> columns = new LinkedHashMap<>();
    rows.forEach(row -> columns.put(row.column().strip(), row.indicator().strip()));
    Settings settings = new Settings(stripped(request.folder()), stripped(request.sheet()), stripped(request.subjectColumn()),
        stripped(request.periodColumn()), stripped(request.period()), stripped(request.indicatorColumn()),
        stripped(request.valueColumn()), columns.isEmpty() ? null : columns, null, null, null, null);
    return save(code, new SourceRequest(source.name(), source.kind().name(), source.schedule(), source.enabled(), settings, null),
        editor);
  }

  /**
   * What is wrong with a file mapping, each problem saying where: a sheet, subject or period left out, a row without
   * its column or indicator, an indicator that does not exist or is computed by a formula, a column or an indicator
   * mapped twice, a column already read as the subject or the period.
   */
  private List<String> mappingProblems(String sheet, String subjectColumn, String periodColumn, String period,
      String indicatorColumn, String valueColumn, List<ColumnMapping> rows) {
    List<String> problems = new ArrayList<>();
    if (blank(sheet)) {
      problems.add("「工作表」：请填写文件中的工作表名称");
    }
    if (blank(subjectColumn)) {
      problems.add("「对象列」：请填写写有部门、教学单位或专业的列名");
    }
    if (blank(periodColumn) && blank(period)) {
      problems.add("「周期列」：请填写写有周期的列名，或填写整份文件的周期");
    } else if (blank(periodColumn)) {
      try {
        ReadingLoader.parsePeriod(period.strip());
      } catch (IllegalArgumentException e) {
        problems.add("「整份文件的周期」：“" + period.strip() + "”不在校历之内：" + e.getMessage());
      }
    }
    if (rows.isEmpty() && (blank(indicatorColumn) || blank(valueColumn))) {
      problems.add("「对应关系」：请至少添加一行（列名 → 指标编号），或填写指标列和数值列");
    }
    Map<String, Indicators.Definition> known = indicators.byCode();
    Map<String, Integer> columnRows = new HashMap<>();
    Map<String, Integer> indicatorRows = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      int number = i + 1;
      String column = rows.get(i).column() == null ? "" : rows.get(i).column().strip();
      String indicator = rows.get(i).indicator() == null ? "" : rows.get(i).indicator().strip();
      String where = "对应关系第 " + number + " 行";
      if (column.isEmpty()) {
        problems.add(where + "「列名」：请填写文件中的列名");
      } else if (column.equals(stripped(subjectColumn)) || column.equals(stripped(periodColumn))) {
        problems.add(where + "「列名」：列「" + column + "」已用作" + (column.equals(stripped(subjectColumn)) ? "对象列" : "周期列"));
      } else if (columnRows.containsKey(column)) {
        problems.add(where + "「列名」：列「" + column + "」与第 " + columnRows.get(column) + " 行重复");
      } else {
        columnRows.put(column, number);
      }
      Indicators.Definition definition = known.get(indicator);
      if (indicator.isEmpty()) {
        problems.add(where + "「指标编号」：请填写指标编号");
      } else if (definition == null) {
        problems.add(where + "「指标编号」：指标“" + indicator + "”不存在（指标在工作台的“指标”表中维护）");
      } else if (definition.derived()) {
        problems.add(where + "「指标编号」：指标" + definition.label() + "由计算公式得出，不从文件载入");
      } else if (indicatorRows.containsKey(indicator)) {
        problems.add(where + "「指标编号」：指标" + definition.label() + "已由第 " + indicatorRows.get(indicator) + " 行载入，同一读数不能载入两次");
      } else {
        indicatorRows.put(indicator, number);
      }
    }
    return problems;
  }

  private static String stripped(String value) {
    return blank(value) ? null : value.strip();
  }

  private void checkSettings(Kind kind, Settings settings) {
    switch (kind) {
      case FILE -> {
        boolean wide = settings.columns() != null && !settings.columns().isEmpty();
        List<String> problems = mappingProblems(settings.sheet(), settings.subjectColumn(), settings.periodColumn(), settings.period(),
            settings.indicatorColumn(), settings.valueColumn(), wide ? settings.columns().entrySet().stream()
                .map(entry -> new ColumnMapping(entry.getKey(), entry.getValue())).toList() : List.of());
        if (!problems.isEmpty()) {
          throw new ExcelImportException(problems.stream().map(ExcelProblem::ofFile).toList());
        }
      }
      case JDBC -> {
        require(settings.url(), "数据库地址（settings.url）");
        if (!settings.url().startsWith("jdbc:")) {
          throw badRequest("数据库地址（settings.url）应以 jdbc: 开头");
        }
        require(settings.query(), "查询语句（settings.query）");
        if (!settings.query().strip().toUpperCase(java.util.Locale.ROOT).matches("(?s)(SELECT|WITH)\\b.*")) {
          throw badRequest("查询语句（settings.query）只能是 SELECT 查询");
        }
      }
      case PUSH -> { }
    }
  }

  private static void require(String value, String what) {
    if (blank(value)) {
      throw badRequest("请填写" + what);
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static Settings withPassword(Settings s, String password) {
    return new Settings(s.folder(), s.sheet(), s.subjectColumn(), s.periodColumn(), s.period(), s.indicatorColumn(),
        s.valueColumn(), s.columns(), s.url(), s.username(), password, s.query());
  }

  /** A source as the API shows it: never its password or secret. */
  Map<String, Object> shown(Source source) {
    Settings s = source.settings();
    Settings masked = s.password() == null ? s : withPassword(s, "******");
    return new java.util.LinkedHashMap<>(Map.of("code", source.code(), "name", source.name(), "kind", source.kind().name(),
        "kindLabel", source.kind().label, "schedule", source.schedule() == null ? "" : source.schedule(), "enabled", source.enabled(),
        "settings", masked));
  }

  /** Whether the secret a pushing system sends is the source's, compared in constant time. */
  static boolean secretMatches(Source source, String secret) {
    return source.secretHash() != null && secret != null
        && MessageDigest.isEqual(source.secretHash().getBytes(StandardCharsets.US_ASCII), hash(secret).getBytes(StandardCharsets.US_ASCII));
  }

  private static String hash(String secret) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private Settings read(String text) {
    try {
      return json.readValue(text, Settings.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("数据来源的设置无法读取", e);
    }
  }

  private String write(Settings settings) {
    try {
      return json.writeValueAsString(settings);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static ResponseStatusException badRequest(String message) {
    return new ResponseStatusException(HttpStatus.BAD_REQUEST, message);
  }

  static ResponseStatusException notFound(String message) {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, message);
  }
}
