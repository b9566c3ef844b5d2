package cn.zhengai.tasks;

import static cn.zhengai.processes.CycleDecisions.*;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * A review that returns work hands its reason to the unit and then forgets its own answers: the review form's
 * fields are process variables, so the next review of the same work would otherwise open with the old decision and
 * reason already filled in.
 */
public final class ReturnedWork {

  private ReturnedWork() {}

  /**
   * Keeps the return's reason and due date where the returned task and the next review show them, and clears the
   * review's answers; a cleared decision is no approval, so the model's gateway takes its return flow.
   */
  public static void handOver(DelegateTask review, LocalDate dueAgain, List<String> answers) {
    review.setVariable(LAST_RETURN_REASON, review.getVariable(RETURN_REASON));
    review.setVariable(LAST_RETURN_DUE_DATE, dueAgain == null ? null : dueAgain.toString());
    answers.forEach(answer -> review.setVariable(answer, null));
  }
}
