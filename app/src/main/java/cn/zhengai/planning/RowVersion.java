package cn.zhengai.planning;

import cn.zhengai.calendar.CollegeTime;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stored row's version: its id and the moment it was last written, and by whom. Exports carry it as a token
 * (行版本, e.g. {@code 12-1803011234567890}) so that an import can tell a row changed since the export.
 */
record RowVersion(long id, long micros, String by) {

  private static final Pattern TOKEN = Pattern.compile("(\\d+)-(\\d+)");
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CollegeTime.ZONE);

  static RowVersion of(long id, Instant at, String by) {
    return new RowVersion(id, at.getEpochSecond() * 1_000_000 + at.getNano() / 1000, by);
  }

  /** The version an exported row names, or null when the token is not one. */
  static RowVersion parse(String token) {
    Matcher matcher = TOKEN.matcher(token.trim());
    return matcher.matches() ? new RowVersion(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)), null) : null;
  }

  String token() {
    return id + "-" + micros;
  }

  boolean sameAs(RowVersion other) {
    return id == other.id && micros == other.micros;
  }

  /** "wangfang 于 2027-03-02 10:15". */
  String byWhom() {
    return by + " 于 " + WHEN.format(Instant.ofEpochSecond(micros / 1_000_000, micros % 1_000_000 * 1000));
  }
}
