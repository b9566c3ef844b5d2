package cn.zhengai.calendar;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The 校历 page: a year's terms, vacations, holidays, 调休 days and every milestone with its rule, generated or set
 * by hand. Everyone logged in reads it; the editing forms show for those the API lets edit ({@link CalendarController}).
 */
@Controller
class CalendarPage {

  static final String PATH = "/calendar";

  @GetMapping(PATH)
  String page() {
    return "calendar";
  }
}
