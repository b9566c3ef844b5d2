package cn.zhengai.dashboard;

import static java.util.Comparator.comparing;

import cn.zhengai.calendar.CollegeTime;
import cn.zhengai.escalation.EscalationRecords;
import cn.zhengai.escalation.EscalationRecords.Escalation;
import cn.zhengai.monitoring.DeviationWarnings;
import cn.zhengai.monitoring.DeviationWarnings.Warning;
import cn.zhengai.org.OrgGroups;
import cn.zhengai.org.OrgUnitRepository;
import cn.zhengai.org.OrgUnitRepository.OrgUnit;
import cn.zhengai.processes.CycleDecisions;
import cn.zhengai.processes.ProcessCatalogue;
import cn.zhengai.processes.ProcessModel;
import cn.zhengai.processes.SharedVariables;
import cn.zhengai.processes.TaskEscalationProcess.Stages;
import cn.zhengai.security.AppAuthority;
import cn.zhengai.security.GroupNames;
import cn.zhengai.spiral.Level;
import cn.zhengai.spiral.Period;
import cn.zhengai.spiral.ReviewStore;
import cn.zhengai.tasks.UnitScope;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Service;

/**
 * Where every unit stands in a year, in every process of the product that runs per unit: a unit × step matrix per
 * process, with what is overdue, the highest rung of the escalation ladder reached, open warnings and corrections,
 * and the year-end grade.
 * <p>
 * Nothing here knows a particular model. A process belongs to the year when its business key is the year or starts
 * with it ({@code 2027}, {@code 2027-04/jwc}); its steps are the model's user tasks; a task belongs to the unit its
 * unit scope names ({@link UnitScope#UNIT}, kept on every task when it is created), and tasks outside any unit's scope
 * are the school's own steps. A new level's process that opens unit scopes the same way gets its rows and columns
 * without a change here or in the plugin.
 */
@Service
class CycleDashboard {

  /** The ladder's rungs, lowest first, and how the board names the highest one reached. */
  private static final List<String> RUNGS = List.of(Stages.REMINDER, Stages.QA_OFFICE, Stages.LEADING_GROUP);
  private static final Map<String, String> RUNG_LABELS = Map.of(Stages.REMINDER, "已催办", Stages.QA_OFFICE, "已升级至质管办",
      Stages.LEADING_GROUP, "已升级至领导小组");

  private static final String COMPLETED = "completed";
  /** Engine queries with long id lists are split, so that no database meets an IN list longer than it takes. */
  private static final int IDS_PER_QUERY = 500;

  private final HistoryService history;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final RepositoryService repository;
  private final AppAuthority appAuthority;
  private final OrgUnitRepository units;
  private final EscalationRecords escalations;
  private final DeviationWarnings warnings;
  private final ReviewStore reviews;
  private final GroupNames groupNames;
  private final Clock clock;

  CycleDashboard(HistoryService history, RuntimeService runtime, TaskService tasks, RepositoryService repository, AppAuthority appAuthority,
      OrgUnitRepository units, EscalationRecords escalations, DeviationWarnings warnings, ReviewStore reviews,
      GroupNames groupNames, Clock clock) {
    this.history = history;
    this.runtime = runtime;
    this.tasks = tasks;
    this.repository = repository;
    this.appAuthority = appAuthority;
    this.units = units;
    this.escalations = escalations;
    this.warnings = warnings;
    this.reviews = reviews;
    this.groupNames = groupNames;
    this.clock = clock;
  }

  /**
   * The board of a year. {@code visibleUnits} null: every unit and the school's own steps; otherwise those units'
   * rows only. The engine is read on the app's authority, and the caller's units decide what is shown.
   */
  Board of(int year, Set<String> visibleUnits) {
    Predicate<String> shown = unit -> visibleUnits == null || unit != null && visibleUnits.contains(unit);
    return appAuthority.run(() -> build(year, visibleUnits == null, shown));
  }

  private Board build(int year, boolean allUnits, Predicate<String> shown) {
    List<HistoricTaskInstance> yearTasks = tasksOf(year);
    Map<String, String> unitOfTask = taskVariable(yearTasks, UnitScope.UNIT);
    Map<String, String> subjectOfTask = taskVariable(yearTasks, SharedVariables.SUBJECT_NAME.name());
    Set<String> instanceIds = yearTasks.stream().map(HistoricTaskInstance::getProcessInstanceId).collect(Collectors.toSet());
    Set<String> running = running(instanceIds);
    Map<String, String> businessKeys = businessKeys(instanceIds);
    Map<String, OrgUnit> orgUnits = units.findAll().stream().collect(Collectors.toMap(OrgUnit::id, unit -> unit,
        (a, b) -> a, LinkedHashMap::new));
    List<Escalation> yearEscalations = escalations.findAll(null).stream()
        .filter(escalation -> instanceIds.contains(escalation.processInstanceId())).toList();
    Map<String, OpenTask> openTasks = new HashMap<>();
    Map<String, Map<String, String>> scopes = new HashMap<>();

    Map<String, List<HistoricTaskInstance>> byProcess = yearTasks.stream()
        .collect(Collectors.groupingBy(HistoricTaskInstance::getProcessDefinitionKey, LinkedHashMap::new, Collectors.toList()));
    List<ProcessBoard> processes = new ArrayList<>();
    byProcess.entrySet().stream().sorted(comparing(entry -> catalogueOrder(entry.getKey()))).forEach(entry -> {
      Map<RowKey, List<HistoricTaskInstance>> byRow = entry.getValue().stream()
          .filter(task -> shown.test(unitOfTask.get(task.getId())))
          .collect(Collectors.groupingBy(task -> new RowKey(Objects.requireNonNullElse(unitOfTask.get(task.getId()), ""),
              subjectOfTask.get(task.getId())), LinkedHashMap::new, Collectors.toList()));
      if (byRow.isEmpty()) {
        return;
      }
      ProcessDefinition definition = latestDefinition(entry.getValue());
      List<Step> steps = steps(definition, entry.getValue());
      List<Row> rows = byRow.entrySet().stream()
          .sorted(comparing((Map.Entry<RowKey, List<HistoricTaskInstance>> unitRows) -> unitOrder(orgUnits, unitRows.getKey().unit()))
              .thenComparing(unitRows -> Objects.requireNonNullElse(unitRows.getKey().subject(), "")))
          .map(unitRows -> row(unitRows.getKey().unit().isEmpty() ? null : unitRows.getKey().unit(), unitRows.getKey().subject(),
              unitRows.getValue(), steps, orgUnits, running, businessKeys, yearEscalations, openTasks, scopes))
          .toList();
      processes.add(new ProcessBoard(entry.getKey(), definition.getName(), steps, rows));
    });
    return new Board(year, allUnits, processes, summaries(year, processes, shown, orgUnits, running, yearEscalations));
  }

  /**
   * The tasks of every process of the year: business key the year, or the year and more ({@code 2027-04/jwc}, a
   * major's {@code 2027/500211}).
   */
  private List<HistoricTaskInstance> tasksOf(int year) {
    List<HistoricTaskInstance> found = new ArrayList<>(
        history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(String.valueOf(year)).list());
    found.addAll(history.createHistoricTaskInstanceQuery().processInstanceBusinessKeyLike(year + "-%").list());
    found.addAll(history.createHistoricTaskInstanceQuery().processInstanceBusinessKeyLike(year + "/%").list());
    found.sort(comparing(HistoricTaskInstance::getStartTime).thenComparing(HistoricTaskInstance::getId));
    return found;
  }

  /**
   * Task id → a variable the task kept when it was created: the unit whose scope it was created in, the subject below
   * the unit (a major) it concerns.
   */
  private Map<String, String> taskVariable(List<HistoricTaskInstance> yearTasks, String name) {
    Map<String, String> valueOfTask = new HashMap<>();
    List<String> ids = yearTasks.stream().map(HistoricTaskInstance::getId).toList();
    for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
      String[] chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)).toArray(String[]::new);
      for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery().variableName(name)
          .taskIdIn(chunk).list()) {
        if (variable.getValue() instanceof String value) {
          valueOfTask.put(variable.getTaskId(), value);
        }
      }
    }
    // open tasks created before tasks kept it: their scope still says it
    yearTasks.stream().filter(task -> task.getEndTime() == null && !valueOfTask.containsKey(task.getId()))
        .forEach(task -> {
          if (tasks.getVariable(task.getId(), name) instanceof String value) {
            valueOfTask.put(task.getId(), value);
          }
        });
    return valueOfTask;
  }

  private Set<String> running(Set<String> instanceIds) {
    if (instanceIds.isEmpty()) {
      return Set.of();
    }
    return history.createHistoricProcessInstanceQuery().processInstanceIds(instanceIds).unfinished().list().stream()
        .map(HistoricProcessInstance::getId).collect(Collectors.toSet());
  }

  private ProcessDefinition latestDefinition(List<HistoricTaskInstance> processTasks) {
    return processTasks.stream().map(HistoricTaskInstance::getProcessDefinitionId).distinct()
        .map(repository::getProcessDefinition).max(comparing(ProcessDefinition::getVersion)).orElseThrow();
  }

  /** The model's user tasks in the model's order, then any step an older version had. */
  private List<Step> steps(ProcessDefinition definition, List<HistoricTaskInstance> processTasks) {
    Map<String, Step> steps = new LinkedHashMap<>();
    for (UserTask task : repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(UserTask.class)) {
      steps.put(task.getId(), new Step(task.getId(), task.getName()));
    }
    processTasks.forEach(task -> steps.putIfAbsent(task.getTaskDefinitionKey(), new Step(task.getTaskDefinitionKey(), task.getName())));
    return List.copyOf(steps.values());
  }

  private Row row(String unit, String subject, List<HistoricTaskInstance> unitTasks, List<Step> steps, Map<String, OrgUnit> orgUnits,
      Set<String> running, Map<String, String> businessKeys, List<Escalation> yearEscalations, Map<String, OpenTask> openTasks,
      Map<String, Map<String, String>> scopes) {
    Map<String, Cell> cells = new LinkedHashMap<>();
    for (Step step : steps) {
      List<HistoricTaskInstance> ofStep = unitTasks.stream().filter(task -> task.getTaskDefinitionKey().equals(step.id())).toList();
      if (!ofStep.isEmpty()) {
        cells.put(step.id(), cell(ofStep.get(ofStep.size() - 1), ofStep.size(), running, openTasks));
      }
    }
    HistoricTaskInstance latest = unitTasks.get(unitTasks.size() - 1);
    List<HistoricTaskInstance> open = unitTasks.stream().filter(task -> task.getEndTime() == null).toList();
    Set<String> instances = unitTasks.stream().map(HistoricTaskInstance::getProcessInstanceId).collect(Collectors.toSet());
    // the school's own steps escalate against the bodies that hold them; a unit's row shows the unit's own rungs
    Set<String> schoolSteps = unitTasks.stream().map(HistoricTaskInstance::getTaskDefinitionKey).collect(Collectors.toSet());
    String pointedAt = open.isEmpty() ? latest.getProcessInstanceId() : open.get(0).getProcessInstanceId();
    return new Row(unit, unit == null ? "全校" : nameOf(orgUnits, unit), subject, status(unit, subject, unitTasks, open, openTasks), cells,
        pointedAt, open.isEmpty() ? null : scopeOf(open.get(0), scopes), running.contains(pointedAt),
        rung(yearEscalations, escalation -> instances.contains(escalation.processInstanceId())
            && (unit == null ? schoolSteps.contains(escalation.activityId()) : unit.equals(escalation.unitId()))),
        subject == null ? null : subjectReport(businessKeys.get(pointedAt)));
  }

  /**
   * The report of a subject below the units (a major) for the period its process runs over: business key
   * {@code 2027/500211} gives the major's yearly report, {@code 2025-2027/500211} its 考核性诊断 report.
   */
  private static String subjectReport(String businessKey) {
    int slash = businessKey == null ? -1 : businessKey.indexOf('/');
    return slash < 0 ? null : "/api/reports/" + businessKey.substring(0, slash) + "/majors/" + businessKey.substring(slash + 1);
  }

  private Map<String, String> businessKeys(Set<String> instanceIds) {
    Map<String, String> keys = new HashMap<>();
    if (!instanceIds.isEmpty()) {
      history.createHistoricProcessInstanceQuery().processInstanceIds(instanceIds).list()
          .forEach(instance -> keys.put(instance.getId(), instance.getBusinessKey()));
    }
    return keys;
  }

  /**
   * The activity instance of the unit's scope around an open task (its sub-process), for Cockpit to select; null where
   * the whole instance is the unit's. The instance's tree is read once per instance.
   */
  private String scopeOf(HistoricTaskInstance task, Map<String, Map<String, String>> scopes) {
    String parent = scopes.computeIfAbsent(task.getProcessInstanceId(), id -> {
      Map<String, String> parents = new HashMap<>();
      collectParents(runtime.getActivityInstance(id), parents);
      return parents;
    }).get(task.getActivityInstanceId());
    return parent == null || parent.equals(task.getProcessInstanceId()) ? null : parent;
  }

  private static void collectParents(ActivityInstance scope, Map<String, String> parents) {
    if (scope == null) {
      return;
    }
    for (ActivityInstance child : scope.getChildActivityInstances()) {
      parents.put(child.getId(), scope.getId());
      collectParents(child, parents);
    }
  }

  private Cell cell(HistoricTaskInstance task, int times, Set<String> running, Map<String, OpenTask> openTasks) {
    LocalDate due = task.getDueDate() == null ? null : CollegeTime.day(task.getDueDate());
    LocalDate ended = task.getEndTime() == null ? null : CollegeTime.day(task.getEndTime());
    boolean live = running.contains(task.getProcessInstanceId());
    if (task.getEndTime() != null) {
      boolean completed = COMPLETED.equals(task.getDeleteReason());
      return new Cell(completed ? "DONE" : "ENDED", completed ? "已完成" : "已结束", null, task.getProcessInstanceId(), live,
          due, ended, times, null);
    }
    OpenTask open = open(task, openTasks);
    return new Cell(overdue(task) ? "OVERDUE" : "OPEN", overdue(task) ? "逾期" : "办理中", task.getId(),
        task.getProcessInstanceId(), live, due, null, times, open.holder());
  }

  /**
   * The unit's (or the subject's) state in the process, from its open tasks: overdue; returned to it; waiting for
   * it; done by it and waiting for another body (submitted); or finished.
   */
  private Status status(String unit, String subject, List<HistoricTaskInstance> unitTasks, List<HistoricTaskInstance> open,
      Map<String, OpenTask> openTasks) {
    if (open.isEmpty()) {
      return new Status("DONE", "已完成", "最近完成：" + unitTasks.get(unitTasks.size() - 1).getName());
    }
    String openSteps = open.stream().map(task -> task.getName() + "（" + open(task, openTasks).holder() + "）").distinct()
        .collect(Collectors.joining("、"));
    if (open.stream().anyMatch(this::overdue)) {
      return new Status("OVERDUE", "逾期", "逾期未办：" + openSteps);
    }
    if (unit == null) {
      return new Status("IN_PROGRESS", "进行中", "办理中：" + openSteps);
    }
    List<OpenTask> ownOpen = open.stream().map(task -> open(task, openTasks))
        .filter(task -> subject == null ? task.heldBy(unit) : task.heldBySubjectOwners()).toList();
    if (ownOpen.stream().anyMatch(OpenTask::returned)) {
      return new Status("RETURNED", "已退回", "退回修改：" + ownOpen.get(0).returnReason());
    }
    if (!ownOpen.isEmpty()) {
      return new Status("WITH_UNIT", "待办理", "本单位待办：" + openSteps);
    }
    return new Status("SUBMITTED", "已提交", "待办理：" + openSteps);
  }

  private boolean overdue(HistoricTaskInstance task) {
    return task.getEndTime() == null && task.getDueDate() != null && task.getDueDate().toInstant().isBefore(clock.instant());
  }

  /** Who holds an open task and whether it came back from a review; read once per task. */
  private OpenTask open(HistoricTaskInstance task, Map<String, OpenTask> openTasks) {
    return openTasks.computeIfAbsent(task.getId(), id -> {
      List<String> groups = tasks.getIdentityLinksForTask(id).stream()
          .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
          .map(IdentityLink::getGroupId).toList();
      Object reason = tasks.getVariable(id, CycleDecisions.LAST_RETURN_REASON);
      return new OpenTask(groups, groups.stream().map(groupNames::nameOf).collect(Collectors.joining("、")),
          reason instanceof String text && !text.isBlank() ? text : null);
    });
  }

  private List<UnitSummary> summaries(int year, List<ProcessBoard> processes, Predicate<String> shown,
      Map<String, OrgUnit> orgUnits, Set<String> running, List<Escalation> yearEscalations) {
    Map<String, Map<String, Status>> states = new HashMap<>();
    // a unit's own state in each process; rows of subjects below it (its majors) are the subjects'
    processes.forEach(process -> process.rows().stream().filter(row -> row.unit() != null && row.subject() == null)
        .forEach(row -> states.computeIfAbsent(row.unit(), unit -> new LinkedHashMap<>()).put(process.key(), row.status())));
    Map<String, List<Warning>> unitWarnings = warnings.ofYear(year).stream().filter(warning -> shown.test(warning.unitId()))
        .collect(Collectors.groupingBy(Warning::unitId));
    Map<String, Object> grades = new HashMap<>();
    reviews.of(Level.SCHOOL, Period.year(year)).stream()
        .filter(review -> shown.test(review.subject().id()) && review.assessment() != null && review.assessment().grade() != null)
        .forEach(review -> grades.put(review.subject().id(), review.assessment().grade()));
    Set<String> listed = new HashSet<>(states.keySet());
    listed.addAll(unitWarnings.keySet());
    listed.addAll(grades.keySet());
    return listed.stream().sorted(comparing(unit -> unitOrder(orgUnits, unit))).map(unit -> {
      List<Warning> ofUnit = unitWarnings.getOrDefault(unit, List.of());
      List<Warning> open = ofUnit.stream().filter(warning -> running.contains(warning.processInstanceId())).toList();
      Set<String> corrections = open.stream().map(Warning::processInstanceId).collect(Collectors.toSet());
      return new UnitSummary(unit, nameOf(orgUnits, unit), states.getOrDefault(unit, Map.of()),
          rung(yearEscalations, escalation -> unit.equals(escalation.unitId())), ofUnit.size(), open.size(),
          corrections.size(), open.isEmpty() ? null : open.get(open.size() - 1).processInstanceId(),
          (String) grades.get(unit), "/api/reports/" + year + "/units/" + unit);
    }).toList();
  }

  private static Rung rung(List<Escalation> escalations, Predicate<Escalation> ofRow) {
    return escalations.stream().filter(ofRow).map(Escalation::stage).filter(RUNGS::contains)
        .max(comparing(RUNGS::indexOf)).map(stage -> new Rung(stage, RUNG_LABELS.get(stage))).orElse(null);
  }

  private static int catalogueOrder(String processKey) {
    List<String> keys = ProcessCatalogue.ALL.stream().map(ProcessModel::key).toList();
    return keys.contains(processKey) ? keys.indexOf(processKey) : keys.size();
  }

  /** The school's own row first, then the units in the organisation's order. */
  private static int unitOrder(Map<String, OrgUnit> orgUnits, String unit) {
    if (unit == null || unit.isEmpty()) {
      return Integer.MIN_VALUE;
    }
    OrgUnit found = orgUnits.get(unit);
    return found == null ? Integer.MAX_VALUE : found.sortOrder();
  }

  private static String nameOf(Map<String, OrgUnit> orgUnits, String unit) {
    OrgUnit found = orgUnits.get(unit);
    return found == null ? unit : found.name();
  }

  private record OpenTask(List<String> candidateGroups, String holder, String returnReason) {

    /** The unit's own task: its heads' group, or the unit itself where it has no heads. */
    boolean heldBy(String unit) {
      return candidateGroups.contains(OrgGroups.headsOf(unit)) || candidateGroups.contains(unit);
    }

    /** A subject's own task below the unit: its owners' group (a major's leaders). */
    boolean heldBySubjectOwners() {
      return candidateGroups.stream().anyMatch(group -> OrgGroups.majorLedBy(group) != null);
    }

    boolean returned() {
      return returnReason != null;
    }
  }

  /** A year's board: one matrix per process that runs per unit, and one line per unit across them. */
  record Board(int year, boolean allUnits, List<ProcessBoard> processes, List<UnitSummary> units) {}

  /** One process: its steps (columns) and where each unit stands (rows). */
  record ProcessBoard(String key, String name, List<Step> steps, List<Row> rows) {}

  record Step(String id, String name) {}

  /** The rows of a process: a unit, and in a process below the unit (a major's), each subject of the unit. */
  private record RowKey(String unit, String subject) {}

  /**
   * A unit's row, or a subject's below it ({@code subject}, e.g. a major's code and name); {@code unit} null for the
   * school's own steps. {@code processInstanceId} is the instance of the
   * unit's open task (or of its latest one), {@code activityInstanceId} the unit's sub-process in it, for Cockpit;
   * {@code report} the download of a subject's report (a unit's report is on its {@link UnitSummary}).
   */
  record Row(String unit, String unitName, String subject, Status status, Map<String, Cell> cells, String processInstanceId,
      String activityInstanceId, boolean running, Rung escalation, String report) {}

  /** A code for the plugin's colours, a Chinese label and what it is about. */
  record Status(String code, String label, String detail) {}

  /**
   * The unit's latest task at one step: OPEN, OVERDUE (taskId set, for Tasklist), DONE or ENDED; how many times the
   * step came up for the unit (a returned step comes back), and who holds it while open.
   */
  record Cell(String state, String label, String taskId, String processInstanceId, boolean running, LocalDate due,
      LocalDate ended, int times, String holder) {}

  record Rung(String stage, String label) {}

  /**
   * A unit across the year: its state in each process (by process key), the highest rung reached, its warnings
   * (all, and those whose correction is still under way, with the latest such checkpoint instance), its grade and the
   * download of its self-diagnosis report of the year.
   */
  record UnitSummary(String unit, String unitName, Map<String, Status> processes, Rung escalation, int warnings,
      int openWarnings, int corrections, String openWarningInstanceId, String grade, String report) {}
}
