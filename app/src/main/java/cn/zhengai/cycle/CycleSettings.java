package cn.zhengai.cycle;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param reviewDays days a reviewing body (院办 for work plans, leading group, QA office) has from the moment its task opens
 * @param revisionDays days a unit has to redo work a review returned, from the day of the return
 * @param lastCheckpointMonth the month of the year's last monitoring checkpoint; December is the year-end review's
 */
@ConfigurationProperties("zhengai.cycle")
public record CycleSettings(int reviewDays, int revisionDays, int lastCheckpointMonth) {}
