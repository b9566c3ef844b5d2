package cn.zhengai.nodes;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.stereotype.Component;

/**
 * An incident is what administrators and the QA office see in Cockpit when a job (a timer, an asynchronous step)
 * failed every retry: its message says so in Chinese, followed by the cause. Causes the product raises are Chinese
 * already; the engine's and the database's (e.g. a connection lost) are not, and keep their text after the Chinese.
 */
@Component
class ChineseIncidentMessages extends AbstractProcessEnginePlugin {

  static final String FAILED_JOB = "后台作业多次执行失败，已停止重试；排除原因后请在驾驶舱中重试。原因：";
  private static final int MAX_CAUSE = 3900;
  private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<IncidentHandler> handlers = configuration.getCustomIncidentHandlers() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomIncidentHandlers());
    handlers.add(new DefaultIncidentHandler(Incident.FAILED_JOB_HANDLER_TYPE) {
      @Override
      public Incident handleIncident(IncidentContext context, String message) {
        return super.handleIncident(context, chinese(message));
      }
    });
    configuration.setCustomIncidentHandlers(handlers);
  }

  static String chinese(String message) {
    if (message != null && CHINESE.matcher(message).find()) {
      return message;
    }
    String cause = message == null ? "未知" : message;
    // the engine keeps at most 4000 characters of a message
    return FAILED_JOB + (cause.length() > MAX_CAUSE ? cause.substring(0, MAX_CAUSE) + "…" : cause);
  }
}
