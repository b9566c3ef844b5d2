package cn.zhengai.processes;

import java.util.Date;
import java.util.Map;

/**
 * 任务催办与升级: the escalation ladder of one human task, reusable by every process of every level. A task
 * listener starts it when a task is created and ends it when the task is completed or cancelled; meanwhile it
 * reminds the responsible unit's heads before the due date, escalates to the QA office (质管办) at the due date
 * and to the QA leading group (质量保证领导小组) later, each rung recorded for accountability. A ladder's business key
 * is its task's id, so that closing it is an indexed look-up, not a search through every ladder's variables.
 */
public final class TaskEscalationProcess {

  public static final String KEY = "task-escalation";
  public static final String RESOURCE = "task-escalation.bpmn";
  public static final ProcessModel MODEL = new ProcessModel(KEY, RESOURCE, Map.of());
  /** The message that tells a ladder its task is done; correlated by the ladder's business key, the task's id. */
  public static final String MESSAGE_TASK_CLOSED = "zhengai.taskClosed";

  private TaskEscalationProcess() {}

  /** Element ids in the model. */
  public static final class Elements {
    public static final String START_TASK_OPENED = "Start_TaskOpened";
    public static final String SUB_PROCESS_LADDER = "SubProcess_EscalationLadder";
    public static final String START_LADDER = "Start_LadderClimbing";
    public static final String TIMER_BEFORE_DUE = "Timer_BeforeDue";
    public static final String TASK_REMIND_UNIT_HEAD = "Task_RemindUnitHead";
    public static final String TIMER_DUE = "Timer_Due";
    public static final String TASK_ESCALATE_TO_QA_OFFICE = "Task_EscalateToQaOffice";
    public static final String TIMER_LONG_OVERDUE = "Timer_LongOverdue";
    public static final String TASK_ESCALATE_TO_LEADING_GROUP = "Task_EscalateToLeadingGroup";
    public static final String END_TOP_RUNG_REACHED = "End_TopRungReached";
    public static final String END_LADDER_CLIMBED = "End_LadderClimbed";
    public static final String BOUNDARY_TASK_CLOSED = "Boundary_TaskClosed";
    public static final String END_TASK_CLOSED = "End_TaskClosed";

    private Elements() {}
  }

  /** Process variables, set by whoever starts the ladder. */
  public static final class Variables {
    /** The id of the human task climbed for; also the ladder's business key. */
    public static final ProcessVariable<String> TASK_ID = ProcessVariable.text("taskId");
    /** The task's name, for messages. */
    public static final ProcessVariable<String> TASK_NAME = ProcessVariable.text("taskName");
    /** The task's definition key (its activity id), for the records. */
    public static final ProcessVariable<String> TASK_ACTIVITY = ProcessVariable.text("taskActivity");
    /** The process instance the task belongs to, for the records. */
    public static final ProcessVariable<String> TASK_PROCESS_INSTANCE = ProcessVariable.text("taskProcessInstance");
    /** The business key of the task's process (e.g. the year), for the records; unset where it has none. */
    public static final ProcessVariable<String> TASK_BUSINESS_KEY = ProcessVariable.text("taskBusinessKey");
    /** The unit that answers for the task. */
    public static final ProcessVariable<String> UNIT = SharedVariables.UNIT;
    /** The group reminded first: the unit's heads, or the unit itself where it has none; unset for a person's task. */
    public static final ProcessVariable<String> REMINDED_GROUP = ProcessVariable.text("remindedGroup");
    /** The person reminded first, for a task given to one person (an expert's review); unset for a group's task. */
    public static final ProcessVariable<String> REMINDED_PERSON = ProcessVariable.text("remindedPerson");
    /** The task's due date; the QA office is told when it passes. */
    public static final ProcessVariable<Date> DUE_AT = ProcessVariable.moment("dueAt");
    /** When the unit's heads are reminded. */
    public static final ProcessVariable<Date> REMIND_AT = ProcessVariable.moment("remindAt");
    /** When the leading group is told of a task still open. */
    public static final ProcessVariable<Date> LEADING_GROUP_AT = ProcessVariable.moment("leadingGroupAt");

    private Variables() {}
  }

  /** The bean whose methods the ladder's steps call: {@code ${escalationSteps.remind(execution)}} and so on. */
  public static final class Beans {
    public static final String STEPS = "escalationSteps";
    /** The task listener that starts and ends ladders, on create, complete and delete of every escalated task. */
    public static final String LADDER_LISTENER = "escalationLadder";

    private Beans() {}
  }

  /** The rungs, as recorded. */
  public static final class Stages {
    public static final String REMINDER = "REMINDER";
    public static final String QA_OFFICE = "QA_OFFICE";
    public static final String LEADING_GROUP = "LEADING_GROUP";

    private Stages() {}
  }
}
