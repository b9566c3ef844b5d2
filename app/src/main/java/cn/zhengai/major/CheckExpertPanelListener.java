package cn.zhengai.major;

import static cn.zhengai.processes.MajorAssessmentProcess.Variables.EXPERTS;
import static cn.zhengai.processes.MajorAssessmentProcess.Variables.EXPERT_IDS;
import static cn.zhengai.processes.MajorAssessmentProcess.Variables.MAJOR;

import cn.zhengai.deployment.ModelBean;
import cn.zhengai.integration.org.Organisation.Major;
import cn.zhengai.org.Majors;
import cn.zhengai.processes.MajorAssessmentProcess;
import cn.zhengai.tasks.FormValueException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Refuses a panel with an expert of the major's own 二级学院, an unknown account or too few external experts. */
@ModelBean("检查专家组：不得有本专业所在二级学院的人员，校外专家不少于规定人数；通过后每位专家一项评审任务")
@Component(MajorAssessmentProcess.Beans.CHECK_EXPERT_PANEL)
class CheckExpertPanelListener implements TaskListener {

  private final ExpertPanel panel;
  private final Majors majors;

  CheckExpertPanelListener(ExpertPanel panel, Majors majors) {
    this.panel = panel;
    this.majors = majors;
  }

  @Override
  public void notify(DelegateTask task) {
    Major major = majors.findByCode(MAJOR.get(task)).map(Majors.StoredMajor::major)
        .orElseThrow(() -> new FormValueException(List.of("专业 " + MAJOR.get(task) + " 已不在专业名单中")));
    List<String> problems = new ArrayList<>();
    List<String> experts = panel.check(major, EXPERT_IDS.find(task).orElse(""), problems);
    if (!problems.isEmpty()) {
      throw new FormValueException(problems);
    }
    EXPERTS.set(task, new ArrayList<>(experts));
  }
}
