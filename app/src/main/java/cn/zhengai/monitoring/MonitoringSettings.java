package cn.zhengai.monitoring;

import cn.zhengai.calendar.CollegeTime;
import java.time.LocalDate;
import java.util.Date;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Timing of the monthly monitoring checkpoints.
 *
 * @param reportDays days a unit has, after the checkpoint, to report its tasks' progress
 * @param correctionDays days a unit has to answer a warning with a correction
 * @param verificationDays days the QA office has to verify a correction
 */
@ConfigurationProperties("zhengai.monitoring")
public record MonitoringSettings(int reportDays, int correctionDays, int verificationDays) {

  /** When a correction asked for on the day is due. */
  Date correctionDueAt(LocalDate day) {
    return CollegeTime.endOfDay(day.plusDays(correctionDays));
  }

  /** When the verification of a correction asked for on the day is due. */
  Date verificationDueAt(LocalDate day) {
    return CollegeTime.endOfDay(day.plusDays(correctionDays + verificationDays));
  }
}
