package cn.zhengai.notification;

import cn.zhengai.notification.People.Person;
import cn.zhengai.notification.Webhooks.Webhook;
import cn.zhengai.org.OrgGroups;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What cannot wait for the daily digest: an escalation to the QA leading group goes out at once, by e-mail to each
 * member with an address and to the leading group's robots. It is queued in the escalation's own transaction.
 */
@Component
class ImmediateMessages {

  private final NotificationSettings settings;
  private final People people;
  private final Webhooks webhooks;
  private final Outbox outbox;

  ImmediateMessages(NotificationSettings settings, People people, Webhooks webhooks, Outbox outbox) {
    this.settings = settings;
    this.people = people;
    this.webhooks = webhooks;
    this.outbox = outbox;
  }

  void escalatedToLeadingGroup(long notificationId, String subject, String body) {
    String key = "escalation/" + notificationId + "/";
    if (settings.mail().enabled()) {
      for (Person person : people.membersOf(List.of(OrgGroups.LEADING_GROUP)).keySet()) {
        if (person.email() != null) {
          outbox.enqueue(key + Channel.EMAIL + "/" + person.id(), Channel.EMAIL, person.id(), subject,
              person.name() + "，您好：\n\n" + body);
        }
      }
    }
    for (Webhook hook : webhooks.enabledOf(List.of(OrgGroups.LEADING_GROUP), settings)) {
      outbox.enqueue(key + hook.channel() + "/" + hook.unitId(), hook.channel(), hook.unitId(), subject, body);
    }
  }
}
