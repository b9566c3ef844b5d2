package cn.zhengai.monitoring;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Timing of the monthly monitoring checkpoints.
 *
 * @param reportDays days a unit has, after the checkpoint, to report its tasks' progress
 * @param correctionDays days a unit has to answer a warning with a correction
 * @param verificationDays days the QA office has to verify a correction
 */
@ConfigurationProperties("zhengai.monitoring")
public record MonitoringSettings(int reportDays, int correctionDays, int verificationDays) {}
