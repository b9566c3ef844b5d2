package cn.zhengai.escalation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The escalation ladder's timing, around each task's own due date.
 *
 * @param remindDaysBeforeDue the unit's heads are reminded this many days before the due date
 * @param leadingGroupDaysAfterDue a task still open this many days after its due date goes to the leading group
 */
@ConfigurationProperties("zhengai.escalation")
public record EscalationSettings(int remindDaysBeforeDue, int leadingGroupDaysAfterDue) {}
