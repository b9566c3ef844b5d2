package cn.zhengai.planning.warnings;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the daily deadline scan ({@link DeadlineWarnings#daily()}) on every node; its node lock and records keep it once. */
@Configuration
@EnableScheduling
class WarningScheduling {}
