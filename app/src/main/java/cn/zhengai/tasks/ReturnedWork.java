package cn.zhengai.tasks;

import static cn.zhengai.processes.CycleDecisions.*;
import static cn.zhengai.processes.ProcessModel.DEPLOYED_FORM_PREFIX;

import cn.zhengai.calendar.CollegeTime;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * A review that returns work hands its reason to the unit and then forgets its own answers: the review form's
 * fields are process variables, so the next review of the same work would otherwise open with the old decision and
 * reason already filled in. It also keeps what it sent back (the values its form showed, and when), so the next
 * review can list what the unit changed since.
 */
public final class ReturnedWork {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Read-only fields of a review form about the return itself or what is decided on, not the work under review. */
  private static final Set<String> ABOUT_THE_RETURN = Set.of(LAST_RETURN_REASON, CHANGES_SINCE_RETURN, DECISION_CONTENT);

  private ReturnedWork() {}

  /**
   * Keeps the return's reason and due date where the returned task and the next review show them, keeps the work as
   * the review saw it, and clears the review's answers; a cleared decision is no approval, so the model's gateway
   * takes its return flow.
   */
  public static void handOver(DelegateTask review, LocalDate dueAgain, List<String> answers, Instant returnedAt) {
    review.setVariable(LAST_RETURN_REASON, review.getVariable(RETURN_REASON));
    review.setVariable(LAST_RETURN_DUE_DATE, dueAgain == null ? null : dueAgain.toString());
    Map<String, String> work = new LinkedHashMap<>();
    workShownBy(review).keySet().forEach(key -> work.put(key, text(review.getVariable(key))));
    review.setVariable(RETURNED_WORK, json(new Snapshot(returnedAt.toString(), work)));
    answers.forEach(answer -> review.setVariable(answer, null));
  }

  /** What the latest return sent back, or null when the work was never returned. */
  static Snapshot lastReturned(DelegateTask review) {
    if (!(review.getVariable(RETURNED_WORK) instanceof String stored)) {
      return null;
    }
    try {
      return JSON.readValue(stored, Snapshot.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("退回时保存的内容无法读取", e);
    }
  }

  /**
   * The work a review looks at, by variable, with its label: the read-only fields of the review's form. Read from the
   * task's own deployment, so a model that shows other fields compares those.
   */
  static Map<String, String> workShownBy(DelegateTask review) {
    String formKey = ((UserTask) review.getBpmnModelElementInstance()).getCamundaFormKey();
    Map<String, String> labels = new LinkedHashMap<>();
    if (formKey == null || !formKey.startsWith(DEPLOYED_FORM_PREFIX)) {
      return labels;
    }
    RepositoryService repository = review.getProcessEngineServices().getRepositoryService();
    String deployment = repository.getProcessDefinition(review.getProcessDefinitionId()).getDeploymentId();
    try (InputStream form = repository.getResourceAsStream(deployment, formKey.substring(DEPLOYED_FORM_PREFIX.length()))) {
      for (JsonNode component : JSON.readTree(form).path("components")) {
        String key = component.path("key").asText(null);
        if (key != null && component.path("readonly").asBoolean() && !ABOUT_THE_RETURN.contains(key)) {
          labels.put(key, component.path("label").asText(key));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("无法读取审核表单 " + formKey, e);
    }
    return labels;
  }

  /** A variable as the form shows it; dates as yyyy-MM-dd. */
  static String text(Object value) {
    if (value instanceof Date date) {
      return CollegeTime.day(date).toString();
    }
    return value == null ? "" : value.toString().strip();
  }

  private static String json(Snapshot snapshot) {
    try {
      return JSON.writeValueAsString(snapshot);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The work as a return sent it back: when, and each value the review showed. */
  record Snapshot(String returnedAt, Map<String, String> values) {}
}
