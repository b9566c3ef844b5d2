package cn.zhengai.calendar;

import java.time.LocalDate;
import java.util.Map;

/**
 * 春节 (the first day of the lunar year), an astronomical fact; the winter break and the spring term are placed
 * around it. Years outside the table take 5 February, the middle of its range (21 January – 20 February), and the
 * 校历 page says so.
 */
final class SpringFestival {

  private static final Map<Integer, LocalDate> DAYS = Map.ofEntries(
      Map.entry(2024, LocalDate.of(2024, 2, 10)),
      Map.entry(2025, LocalDate.of(2025, 1, 29)),
      Map.entry(2026, LocalDate.of(2026, 2, 17)),
      Map.entry(2027, LocalDate.of(2027, 2, 6)),
      Map.entry(2028, LocalDate.of(2028, 1, 26)),
      Map.entry(2029, LocalDate.of(2029, 2, 13)),
      Map.entry(2030, LocalDate.of(2030, 2, 3)),
      Map.entry(2031, LocalDate.of(2031, 1, 23)),
      Map.entry(2032, LocalDate.of(2032, 2, 11)),
      Map.entry(2033, LocalDate.of(2033, 1, 31)),
      Map.entry(2034, LocalDate.of(2034, 2, 19)),
      Map.entry(2035, LocalDate.of(2035, 2, 8)),
      Map.entry(2036, LocalDate.of(2036, 1, 28)),
      Map.entry(2037, LocalDate.of(2037, 2, 15)));

  private SpringFestival() {}

  static LocalDate of(int year) {
    return DAYS.getOrDefault(year, LocalDate.of(year, 2, 5));
  }

  static boolean isKnown(int year) {
    return DAYS.containsKey(year);
  }
}
