package cn.zhengai.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import cn.zhengai.processes.AnnualWorkPlanProcess;
import cn.zhengai.processes.MonitoringCheckpointProcess;
import cn.zhengai.processes.SchoolAnnualCycleProcess;
import cn.zhengai.support.NoAppTest;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The arrows between the app's feature packages point down (DESIGN.md): what every level and model builds on (the
 * organisation, the chains' tables, the calendar, what every human task shares, the escalation ladder, the spiral's
 * vocabulary) knows no feature built on it and no model's inside. Read from the compiled classes; a model's element ids
 * and form names are string constants, which the compiler copies into the classes that use them, so a rule about
 * them catches the nested classes' other members (the forms' field lists, typed variables), not a copied constant.
 */
@NoAppTest
class ModuleBoundariesTest {

  private static final JavaClasses PRODUCT = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("cn.zhengai");

  private static final String[] FOUNDATIONS = {"cn.zhengai.org..", "cn.zhengai.planning..", "cn.zhengai.calendar..",
      "cn.zhengai.tasks..", "cn.zhengai.escalation..", "cn.zhengai.spiral.."};

  @Test
  void theFoundationsKnowNoFeatureBuiltOnThem() {
    noClasses().that().resideInAnyPackage(FOUNDATIONS)
        .should().dependOnClassesThat().resideInAnyPackage("cn.zhengai.cycle..", "cn.zhengai.workplan..", "cn.zhengai.monitoring..",
            "cn.zhengai.report..")
        .because("the school cycle, the annual work plan, monitoring and the reports build on them, not the other way round")
        .check(PRODUCT);
  }

  @Test
  void theFoundationsReachIntoNoModelsElementsOrForms() {
    noClasses().that().resideInAnyPackage(FOUNDATIONS)
        .should().dependOnClassesThat(resideInAPackage("cn.zhengai.processes").and(simpleName("Elements").or(simpleName("Forms"))))
        .because("a model's element ids and forms are its own; a process owner may change them")
        .check(PRODUCT);
  }

  @Test
  void whatEveryTaskSharesAndTheLadderNameNoModel() {
    noClasses().that().resideInAnyPackage("cn.zhengai.tasks..", "cn.zhengai.escalation..", "cn.zhengai.spiral..")
        .should().dependOnClassesThat().belongToAnyOf(AnnualWorkPlanProcess.class, SchoolAnnualCycleProcess.class,
            MonitoringCheckpointProcess.class)
        .because("they serve every model of every level through the shared variables and the ladder's own model")
        .check(PRODUCT);
  }
}
