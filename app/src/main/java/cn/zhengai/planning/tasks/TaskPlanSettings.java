package cn.zhengai.planning.tasks;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How tasks (表6) are judged against their own plan, by 表6's months and by the monitoring checkpoints alike.
 *
 * @param lagTolerancePercent percentage points a task's reported progress may lag its plan before it is 滞后
 */
@ConfigurationProperties("zhengai.monitoring")
public record TaskPlanSettings(int lagTolerancePercent) {}
