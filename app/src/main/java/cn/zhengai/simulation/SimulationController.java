package cn.zhengai.simulation;

import cn.zhengai.security.Access;
import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The training clock through the API: where it stands, and moving it (administrators only). */
@RestController
@RequestMapping(SimulationController.PATH)
@Profile(SimulationMode.PROFILE)
class SimulationController {

  static final String PATH = "/api/simulation/clock";
  /** A date without a time means the start of that working day, after the day's deadline scan (07:00). */
  static final LocalTime WORKDAY_START = LocalTime.of(9, 0);
  private static final String MOVE = "调整演练时钟";

  private final SimulatedTime time;

  SimulationController(SimulatedTime time) {
    this.time = time;
  }

  @Operation(summary = "演练时钟：当前模拟时间及接下来到期的定时器（仅系统管理员）")
  @GetMapping
  SimulatedTime.Status status(Authentication authentication) {
    Access.requireAnyGroup(authentication, "查看演练时钟");
    return time.status();
  }

  /**
   * @param date a day: the clock moves to 09:00 of it
   * @param time a moment of the college's time, {@code 2027-03-25T14:30}
   */
  record Target(LocalDate date, LocalDateTime time) {}

  @Operation(summary = "把演练时钟拨到某日（当日 09:00）或某一时刻，途中到期的定时器依次触发（仅系统管理员）")
  @PostMapping
  SimulatedTime.Move move(@RequestBody Target target, Authentication authentication) {
    Access.requireAnyGroup(authentication, MOVE);
    if ((target.date() == null) == (target.time() == null)) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "请给出目标日期 date（如 2027-03-25）或目标时刻 time（如 2027-03-25T14:30），二者选一");
    }
    return time.moveTo(target.time() != null ? target.time() : target.date().atTime(WORKDAY_START));
  }

  @Operation(summary = "把演练时钟拨到下一个到期的定时器并触发它（仅系统管理员）")
  @PostMapping("/next-timer")
  SimulatedTime.Move nextTimer(Authentication authentication) {
    Access.requireAnyGroup(authentication, MOVE);
    return time.moveToNextTimer();
  }
}
