package cn.zhengai.planning;

import cn.zhengai.calendar.CollegeTime;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * A stored row's version: its id and the moment it was last written, and by whom. Exports carry it as a token
 * (行版本, e.g. {@code 12-1803011234567890-5f3a09c2}) with a checksum of the values exported, so that an import
 * can tell a row changed in the database since the export from a row the user changed in the file.
 */
record RowVersion(long id, long micros, String by, String checksum) {

  private static final Pattern TOKEN = Pattern.compile("(\\d+)-(\\d+)-([0-9a-f]{8})");
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CollegeTime.ZONE);

  static RowVersion of(long id, Instant at, String by) {
    return new RowVersion(id, at.getEpochSecond() * 1_000_000 + at.getNano() / 1000, by, null);
  }

  /** The version an exported row names, or null when the token is not one. */
  static RowVersion parse(String token) {
    Matcher matcher = TOKEN.matcher(token.trim());
    return matcher.matches()
        ? new RowVersion(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)), null, matcher.group(3)) : null;
  }

  /** The token an export writes for a row with these values. */
  String token(List<String> values) {
    return id + "-" + micros + "-" + checksum(values);
  }

  boolean sameAs(RowVersion other) {
    return id == other.id && micros == other.micros;
  }

  /** Whether these are the values the row was exported with. */
  boolean exported(List<String> values) {
    return checksum != null && checksum.equals(checksum(values));
  }

  /** "wangfang 于 2027-03-02 10:15". */
  String byWhom() {
    return by + " 于 " + WHEN.format(Instant.ofEpochSecond(micros / 1_000_000, micros % 1_000_000 * 1000));
  }

  private static String checksum(List<String> values) {
    CRC32 crc = new CRC32();
    crc.update(String.join("\u001F", values).getBytes(StandardCharsets.UTF_8));
    return String.format("%08x", crc.getValue());
  }
}
