package cn.zhengai.benchmark;

import cn.zhengai.calendar.AcademicCalendar;
import cn.zhengai.calendar.Milestone;
import cn.zhengai.integration.org.Organisation;
import cn.zhengai.major.MajorRounds;
import cn.zhengai.org.OrgUnitRepository;
import cn.zhengai.org.OrgUnitRepository.OrgUnit;
import cn.zhengai.org.OrganisationFiles;
import cn.zhengai.planning.PlanningTable;
import cn.zhengai.planning.PlanningTables;
import cn.zhengai.planning.TableRow;
import cn.zhengai.planning.TableScope;
import cn.zhengai.processes.AnnualWorkPlanProcess;
import cn.zhengai.processes.CycleDecisions;
import cn.zhengai.processes.SchoolAnnualCycleProcess;
import cn.zhengai.security.Access;
import cn.zhengai.security.CurrentUser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;

/**
 * A large college for the benchmarks, made through the product's own paths: the demo college's organisation with
 * generated units added up to the size asked for (each with a head, two staff and, for teaching units, six majors),
 * imported by the product's organisation import (so groups, grants and Tasklist filters are real), and one year
 * ({@link #YEAR}) of the chains for every unit through the tables' own save: an annual target (目标指标) with a
 * standard in force serving it (表7), tasks of 表6 (two of them key tasks of 表5) each with a person, and build
 * schedule rows (表8).
 *
 * <p>Levels: the school's yearly cycle with each unit's annual work plan, and the major level: every major's yearly
 * self-diagnosis and the 考核性诊断 of the majors the rotation assesses that year ({@link #kickOff(int)}).
 *
 * <pre>SyntheticCollege college = SyntheticCollege.build(app, 60);</pre>
 */
public final class SyntheticCollege {

  /** The year the chains are generated for; the due dates of its cycle lie ahead of today. */
  public static final int YEAR = 2027;
  static final int TASKS_PER_UNIT = 5;
  static final int KEY_TASKS_PER_UNIT = 2;
  static final int SCHEDULE_ROWS_PER_UNIT = 5;
  static final int MAJORS_PER_TEACHING_UNIT = 6;
  private static final CurrentUser GENERATOR = new CurrentUser("benchmark", List.of(Access.ADMIN_GROUP));

  private final ApplicationContext app;
  private final Map<String, String> unitNames;
  private final Map<String, String> heads;
  /** The demo college's own majors. */
  private static final int DEMO_MAJORS = 17;

  private final int majors;

  private SyntheticCollege(ApplicationContext app, Map<String, String> unitNames, Map<String, String> heads, int majors) {
    this.app = app;
    this.unitNames = unitNames;
    this.heads = heads;
    this.majors = majors;
  }

  /**
   * Imports a college of {@code units} units that submit plans (at least the demo college's 19) into the running
   * application and enters a year of the chains for each.
   */
  public static SyntheticCollege build(ApplicationContext app, int units) throws IOException {
    OrgUnitRepository repository = app.getBean(OrgUnitRepository.class);
    int demoUnits = repository.findSubmittingAnnualPlan().size();
    if (units < demoUnits) {
      throw new IllegalArgumentException("至少 " + demoUnits + " 个单位（示例学校已有的单位）");
    }
    StringBuilder structure = new StringBuilder();
    StringBuilder majorLines = new StringBuilder();
    StringBuilder people = new StringBuilder();
    int majors = 0;
    for (int n = 1; n <= units - demoUnits; n++) {
      String number = String.format("%02d", n);
      boolean teaching = n % 2 == 0;
      String id = "bench-" + number;
      String name = (teaching ? "基准学院" : "基准部门") + number;
      structure.append(String.format("  - { id: %s, name: %s, kind: %s, system: %s, submitsAnnualPlan: true }%n", id, name,
          teaching ? "TEACHING_UNIT" : "FUNCTIONAL_DEPARTMENT", teaching ? "QUALITY_GENERATION" : "SUPPORT_SERVICE"));
      people.append(String.format("  - { id: %s-head, familyName: 基, givenName: 准%s长, headOf: [%s] }%n", id, number, id));
      for (int staff = 1; staff <= 2; staff++) {
        people.append(String.format("  - { id: %s-staff%d, familyName: 基, givenName: 准%s员%d, memberOf: [%s] }%n", id, staff, number,
            staff, id));
      }
      if (teaching) {
        for (int major = 1; major <= MAJORS_PER_TEACHING_UNIT; major++) {
          majorLines.append(String.format("  - { code: \"9%02d%03d\", name: %s专业%d, unit: %s, leaders: [%s-staff1],"
              + " qaGroup: [%s-staff2], firstYear: 2015, firstGraduationYear: 2018 }%n", n, major, name, major, id, id, id));
          majors++;
        }
      }
    }
    Path structureFile = Files.createTempFile("benchmark-college-", ".yaml");
    Path peopleFile = Files.createTempFile("benchmark-people-", ".yaml");
    try {
      Files.writeString(structureFile, resource("org/college.yaml").replace("\nroles:", "\n" + structure + "\nroles:"));
      Files.writeString(peopleFile, resource("org/demo-people.yaml").replace("\nmajors:\n", "\nmajors:\n" + majorLines) + people);
      OrganisationFiles.importFiles(app, structureFile, peopleFile);
    } finally {
      Files.deleteIfExists(structureFile);
      Files.deleteIfExists(peopleFile);
    }
    Map<String, String> unitNames = new LinkedHashMap<>();
    Map<String, String> heads = new LinkedHashMap<>();
    IdentityService identity = app.getBean(IdentityService.class);
    for (OrgUnit unit : repository.findSubmittingAnnualPlan()) {
      unitNames.put(unit.id(), unit.name());
      heads.put(unit.id(), identity.createUserQuery().memberOfGroup(Organisation.headGroupOf(unit.id())).orderByUserId().asc()
          .listPage(0, 1).get(0).getId());
    }
    SyntheticCollege college = new SyntheticCollege(app, unitNames, heads, majors + DEMO_MAJORS);
    college.enterYear();
    return college;
  }

  /** The units that take part, by id, with their Chinese names. */
  public Map<String, String> units() {
    return Collections.unmodifiableMap(unitNames);
  }

  /** The account of one head of each unit. */
  public Map<String, String> heads() {
    return Collections.unmodifiableMap(heads);
  }

  /** A line for the figures: what the college holds. */
  public String describe() {
    int units = unitNames.size();
    return String.format("合成学校：%d 个单位（各有负责人、2 名职员），%d 个专业（各有专业负责人和质量保证小组），"
        + "%d 年度每单位 1 项目标指标、1 项标准、%d 项表6任务（其中 %d 项表5重点任务）、%d 行表8",
        units, majors, YEAR, TASKS_PER_UNIT, KEY_TASKS_PER_UNIT, SCHEDULE_ROWS_PER_UNIT);
  }

  /**
   * Kicks off every level's cycle of the year: the school's cycle taken through its school-wide steps, then the major
   * level's rounds as the daily job opens them once the year's opening dates have come (every major's yearly
   * self-diagnosis, the 考核性诊断 of the majors assessed that year). Answers how many major rounds opened.
   */
  public MajorRounds.Opened kickOff(int year) {
    startCycle(year);
    AcademicCalendar calendar = app.getBean(AcademicCalendar.class);
    LocalDate bothOpen = Collections.max(List.of(calendar.dateOf(year, Milestone.MAJOR_SELF_DIAGNOSIS_OPENS),
        calendar.dateOf(year, Milestone.MAJOR_ASSESSMENT_OPENS)));
    return app.getBean(MajorRounds.class).open(bothOpen);
  }

  /** Starts the school's yearly cycle and takes it through its school-wide steps, up to every unit's work plan task. */
  public void startCycle(int year) {
    as("liming", () -> app.getBean(RuntimeService.class).startProcessInstanceByKey(SchoolAnnualCycleProcess.KEY,
        Map.of(SchoolAnnualCycleProcess.Variables.YEAR.name(), year)));
    complete("liming", SchoolAnnualCycleProcess.Elements.TASK_DRAFT_TARGETS, null,
        Map.of(SchoolAnnualCycleProcess.Variables.TARGETS_NOTE.name(), "基准年度目标"));
    complete("sunhua", SchoolAnnualCycleProcess.Elements.TASK_APPROVE_TARGETS, null, Map.of(CycleDecisions.DECISION, CycleDecisions.APPROVE));
    complete("zhouqiang", SchoolAnnualCycleProcess.Elements.TASK_LINK_STANDARDS, null,
        Map.of(SchoolAnnualCycleProcess.Variables.STANDARDS_NOTE.name(), "每项目标均已关联现行标准"));
  }

  /**
   * Every unit's head submits the unit's work plan (its key tasks in 表5), 院办 approves it, and the head puts the key
   * tasks on people, so that the cycle reaches its checkpoints.
   */
  public void organiseEveryUnit() {
    heads.forEach((unit, head) -> {
      complete(head, AnnualWorkPlanProcess.KEY, AnnualWorkPlanProcess.Elements.TASK_SUBMIT_WORK_PLAN, unit, Map.of());
      complete("liming", AnnualWorkPlanProcess.KEY, AnnualWorkPlanProcess.Elements.TASK_REVIEW_WORK_PLAN, unit,
          Map.of(AnnualWorkPlanProcess.Variables.DECISION.name(), AnnualWorkPlanProcess.Variables.DECISION_APPROVE));
      complete(head, SchoolAnnualCycleProcess.Elements.TASK_ASSIGN_KEY_TASKS, unit,
          Map.of(SchoolAnnualCycleProcess.Variables.ASSIGNMENT_NOTE.name(), "已落实到人"));
    });
  }

  /** Completes the open task of the cycle at {@code activity} (of {@code unit}, or school-wide) as {@code user} through its form. */
  private void complete(String user, String activity, String unit, Map<String, Object> variables) {
    complete(user, SchoolAnnualCycleProcess.KEY, activity, unit, variables);
  }

  /** Completes the open task of a process at {@code activity} (of {@code unit}, or school-wide) as {@code user}. */
  private void complete(String user, String processKey, String activity, String unit, Map<String, Object> variables) {
    TaskService tasks = app.getBean(TaskService.class);
    List<Task> open = tasks.createTaskQuery().processDefinitionKey(processKey).taskDefinitionKey(activity).list().stream()
        .filter(task -> unit == null || unit.equals(tasks.getVariable(task.getId(), SchoolAnnualCycleProcess.Variables.UNIT.name()))).toList();
    if (open.size() != 1) {
      throw new IllegalStateException(activity + (unit == null ? "" : " / " + unit) + "：应有 1 个待办任务，实有 " + open.size());
    }
    as(user, () -> app.getBean(FormService.class).submitTaskForm(open.get(0).getId(), variables));
  }

  private void as(String user, Runnable work) {
    IdentityService identity = app.getBean(IdentityService.class);
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    identity.setAuthentication(user, groups);
    try {
      work.run();
    } finally {
      identity.clearAuthentication();
    }
  }

  /** The year's chains for every unit, each table in one save as an import of the whole sheet would. */
  private void enterYear() {
    PlanningTables tables = app.getBean(PlanningTables.class);
    List<List<String>> targets = new ArrayList<>();
    List<List<String>> standards = new ArrayList<>();
    List<List<String>> tasks = new ArrayList<>();
    List<List<String>> schedule = new ArrayList<>();
    int n = 0;
    for (Map.Entry<String, String> unit : unitNames.entrySet()) {
      n++;
      String name = unit.getValue();
      String code = String.format("B%d-%02d", YEAR, n);
      targets.add(List.of(code, name + "年度达标率", "专业建设规划", "", "%", "≥", "95", "90", "92", "", name, "", YEAR + "年", "",
          String.valueOf(YEAR), ""));
      standards.add(List.of("学校", name + "工作质量标准", name, "1", YEAR + "-01-01", "现行", code));
      for (int task = 1; task <= TASKS_PER_UNIT; task++) {
        boolean key = task <= KEY_TASKS_PER_UNIT;
        List<String> row = new ArrayList<>(List.of(key ? "年度重点工作" : "部门年度计划", key ? "重点工作" : "常规工作",
            name + "年度工作任务" + task, String.format("%d-%02d-28", YEAR, 2 + task * 2)));
        row.addAll(Collections.nCopies(12, ""));
        row.add(name);
        row.add("负责人" + n);
        row.add("");
        tasks.add(row);
      }
      for (int item = 1; item <= SCHEDULE_ROWS_PER_UNIT; item++) {
        schedule.add(List.of("基准建设项目" + item, name + "建设内容" + item, name, String.format("%d.%02d", YEAR, item * 2), "", ""));
      }
    }
    save(tables.get("targets"), targets, TableScope.ALL);
    save(tables.get("standards"), standards, TableScope.ALL);
    save(tables.get("task-tracking"), tasks, new TableScope(YEAR));
    save(tables.get("schedule"), schedule, TableScope.ALL);
  }

  private static void save(PlanningTable table, List<List<String>> rows, TableScope scope) {
    List<TableRow> offered = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      offered.add(new TableRow(i + 2, null, rows.get(i)));
    }
    table.save(offered, GENERATOR, scope);
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = SyntheticCollege.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
