package cn.zhengai.workplan;

import static cn.zhengai.processes.AnnualWorkPlanProcess.Variables.*;

import cn.zhengai.calendar.AcademicCalendar;
import cn.zhengai.calendar.CollegeTime;
import cn.zhengai.calendar.Milestone;
import cn.zhengai.deployment.ModelBean;
import cn.zhengai.org.OrgUnitRepository;
import cn.zhengai.org.OrgUnitRepository.OrgUnit;
import cn.zhengai.processes.AnnualWorkPlanProcess;
import cn.zhengai.processes.SchoolAnnualCycleProcess;
import cn.zhengai.tasks.FormChecks;
import cn.zhengai.tasks.FormValueException;
import cn.zhengai.tasks.ProcessRounds;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Opens a plan: called by the school's cycle for one unit, with the cycle's year and due date, unless the unit's plan
 * is already in the round 院办 opened for the year, which the call then joins ({@link YearsRound}); or, started on its
 * own by 院办, a year's round: checks the year, makes it the business key, refuses a second running round for the same
 * year and a round beside that year's cycle (whose 计划 step asks every unit already), lists the units that submit a
 * plan and takes the due date from the academic calendar (or the start form).
 */
@ModelBean("开启年度工作计划：由诊改螺旋按单位调用，或院办单独发起本年度征集（核对年度、确定提交单位，按校历或启动表单定截止日期）")
@Component(AnnualWorkPlanProcess.Beans.PREPARE_ROUND)
class PrepareAnnualPlanRoundDelegate implements JavaDelegate {

  private final AcademicCalendar calendar;
  private final OrgUnitRepository units;
  private final ProcessRounds rounds;
  private final YearsRound yearsRound;
  private final Clock clock;

  PrepareAnnualPlanRoundDelegate(AcademicCalendar calendar, OrgUnitRepository units, ProcessRounds rounds,
      YearsRound yearsRound, Clock clock) {
    this.calendar = calendar;
    this.units = units;
    this.rounds = rounds;
    this.yearsRound = yearsRound;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Optional<String> callingUnit = CALLING_UNIT.find(execution);
    if (callingUnit.isPresent()) {
      // the cycle gives the year and the due date; a unit already asked by the year's round is not asked again
      int year = YEAR.get(execution);
      execution.setProcessBusinessKey(AnnualWorkPlanProcess.unitPlanKey(year, callingUnit.get()));
      String planInRound = yearsRound.planOf(year, callingUnit.get());
      PLAN_IN_ROUND.set(execution, planInRound);
      PARTICIPATING_UNITS.set(execution, new ArrayList<>(PLAN_IN_ROUND_NONE.equals(planInRound) ? List.of(callingUnit.get()) : List.of()));
      return;
    }
    List<String> problems = new ArrayList<>();
    // the start form's raw answer: a number, or text a script may send
    Integer year = year(execution.getVariable(YEAR.name()), problems);
    if (year == null) {
      throw new FormValueException(problems);
    }
    LocalDateTime now = LocalDateTime.now(clock.withZone(CollegeTime.ZONE));
    LocalDate due = FormChecks.date(execution.getVariable(SUBMISSION_DUE_DATE.name()), "提交截止日期", false, problems);
    if (due == null && problems.isEmpty()) {
      due = calendar.dateOf(year, Milestone.ANNUAL_WORK_PLAN_DUE);
    }
    if (due != null && due.isBefore(now.toLocalDate())) {
      problems.add("提交截止日期 " + due + " 已过，请填写今天以后的日期");
    }
    List<String> participating = units.findSubmittingAnnualPlan().stream().map(OrgUnit::id).toList();
    if (participating.isEmpty()) {
      problems.add("组织数据中没有需要提交年度工作计划的单位");
    }
    if (!problems.isEmpty()) {
      throw new FormValueException(problems);
    }
    if (rounds.runs(SchoolAnnualCycleProcess.KEY, String.valueOf(year))) {
      throw new FormValueException(List.of(year + " 年度诊改正在进行，其“计划”环节已请各单位提交年度工作计划，不必另行发起"));
    }
    rounds.claim(AnnualWorkPlanProcess.KEY, String.valueOf(year), execution.getProcessInstanceId(), year + " 年度工作计划征集已在进行中，不能重复发起");
    execution.setProcessBusinessKey(String.valueOf(year));
    YEAR.set(execution, year);
    PLAN_IN_ROUND.set(execution, PLAN_IN_ROUND_NONE);
    PARTICIPATING_UNITS.set(execution, new ArrayList<>(participating));
    SUBMISSION_DUE_AT.set(execution, CollegeTime.endOfDay(due));
  }

  private static Integer year(Object value, List<String> problems) {
    if (value == null || value.toString().isBlank()) {
      problems.add("请填写计划年度");
      return null;
    }
    if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
      int year = number.intValue();
      if (year >= 2000 && year <= 2100) {
        return year;
      }
    }
    if (value instanceof String text && text.trim().matches("\\d{4}")) {
      return year(Integer.valueOf(text.trim()), problems);
    }
    problems.add("计划年度 \"" + value + "\" 无效，应为 2000 至 2100 之间的年份");
    return null;
  }
}
