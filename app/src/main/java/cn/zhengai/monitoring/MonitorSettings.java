package cn.zhengai.monitoring;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The daily monitors of state data.
 *
 * @param spcMinPeriods past periods a series needs before its control limits are computed and its run rules judged
 * @param cron when the daily evaluation runs, in college time
 */
@ConfigurationProperties("zhengai.monitors")
public record MonitorSettings(int spcMinPeriods, String cron) {}
