package cn.zhengai.calendar;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A day that differs from the Monday–Friday week: a public holiday (放假) or a 调休 working day (a Saturday or
 * Sunday worked in exchange for a holiday). {@code entered} is false for the holidays assumed in a year whose
 * arrangement 院办 has not entered yet.
 */
public record CollegeDay(LocalDate day, Kind kind, String label, boolean entered) {

  public enum Kind {
    HOLIDAY("放假"),
    WORKDAY("调休上班");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** 放假 or 调休上班. */
  @JsonProperty
  public String kindLabel() {
    return kind.label();
  }

  /**
   * The holidays assumed for a year whose arrangement is not entered: those on fixed dates (元旦, 劳动节 1–5 May,
   * 国庆节 1–7 October). 春节 lies in the winter break; 清明, 端午 and 中秋 move and wait for 院办.
   */
  static List<CollegeDay> assumedHolidaysOf(int year) {
    List<CollegeDay> days = new ArrayList<>();
    days.add(new CollegeDay(LocalDate.of(year, 1, 1), Kind.HOLIDAY, "元旦", false));
    LocalDate.of(year, 5, 1).datesUntil(LocalDate.of(year, 5, 6)).forEach(day -> days.add(new CollegeDay(day, Kind.HOLIDAY, "劳动节", false)));
    LocalDate.of(year, 10, 1).datesUntil(LocalDate.of(year, 10, 8)).forEach(day -> days.add(new CollegeDay(day, Kind.HOLIDAY, "国庆节", false)));
    return days;
  }
}
