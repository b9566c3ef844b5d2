package cn.zhengai.deployment;

import cn.zhengai.processes.ProcessCatalogue;
import cn.zhengai.processes.ProcessModel;
import cn.zhengai.processes.modelfile.ModelFile;
import cn.zhengai.processes.modelfile.ModelProblem;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * What only the running product can check in an uploaded model: that the engine parses it, that its candidate
 * groups and users exist in the organisation, that its forms ship with the product, that it changes the flow and
 * not the code ({@link ModelSandbox}: declared beans only, no scripts, no classes), and that its process key is
 * known or declared new.
 */
@Component
class ModelUploadChecks {

  static final String DEPLOYED_FORM_PREFIX = ProcessModel.DEPLOYED_FORM_PREFIX;

  private final ProcessEngineConfigurationImpl engineConfiguration;
  private final RepositoryService repositoryService;
  private final IdentityService identityService;
  private final ProductForms forms;
  private final ModelSandbox sandbox;

  ModelUploadChecks(ProcessEngineConfiguration engineConfiguration, RepositoryService repositoryService,
      IdentityService identityService, ProductForms forms, ModelSandbox sandbox) {
    this.engineConfiguration = (ProcessEngineConfigurationImpl) engineConfiguration;
    this.repositoryService = repositoryService;
    this.identityService = identityService;
    this.forms = forms;
    this.sandbox = sandbox;
  }

  /** The checks of the running product, for a file that passed its own checks ({@link ModelFile#check()}). */
  List<ModelProblem> check(ModelFile file, boolean declaredNew) {
    List<ModelProblem> problems = new ArrayList<>();
    String key = file.process().getId();
    boolean known = ProcessCatalogue.ALL.stream().anyMatch(model -> model.key().equals(key))
        || repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count() > 0;
    if (!known && !declaredNew) {
      problems.add(ModelProblem.ofFile("流程 key \"" + key + "\" 不是已有流程；如确为新流程，请勾选“新流程”后再上传"));
    } else if (known && declaredNew) {
      problems.add(ModelProblem.ofFile("流程 key \"" + key + "\" 已存在，不能作为新流程上传"));
    }
    if (file.process().getCamundaHistoryTimeToLiveString() == null) {
      problems.add(new ModelProblem(key, file.process().getName(), "未设置历史保留时间（camunda:historyTimeToLive）"));
    }
    BpmnModelInstance model = file.model();
    checkAssignments(model, problems);
    checkForms(model, problems);
    checkImplementations(model, problems);
    List<ModelProblem> code = sandbox.check(model);
    problems.addAll(code);
    if (code.isEmpty()) {
      // the engine refuses scripts and classes too, but less clearly: its parse is only asked about the rest
      problems.addAll(engineParse(file));
    }
    return problems;
  }

  private void checkAssignments(BpmnModelInstance model, List<ModelProblem> problems) {
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      for (String group : literals(task.getCamundaCandidateGroups())) {
        if (identityService.createGroupQuery().groupId(group).count() == 0) {
          problems.add(ModelProblem.at(task, "候选组 \"" + group + "\" 在组织机构中不存在"));
        }
      }
      List<String> users = new ArrayList<>(literals(task.getCamundaCandidateUsers()));
      users.addAll(literals(task.getCamundaAssignee()));
      for (String user : users) {
        if (identityService.createUserQuery().userId(user).count() == 0) {
          problems.add(ModelProblem.at(task, "用户 \"" + user + "\" 不存在"));
        }
      }
      if (task.getCamundaCandidateGroups() == null && task.getCamundaCandidateUsers() == null && task.getCamundaAssignee() == null) {
        problems.add(ModelProblem.at(task, "用户任务没有候选组或办理人，没有人能看到它"));
      }
    }
  }

  private void checkForms(BpmnModelInstance model, List<ModelProblem> problems) {
    List<FlowElement> withForms = new ArrayList<>(model.getModelElementsByType(UserTask.class));
    withForms.addAll(model.getModelElementsByType(StartEvent.class));
    for (FlowElement element : withForms) {
      String formKey = element instanceof UserTask task ? task.getCamundaFormKey() : ((StartEvent) element).getCamundaFormKey();
      if (formKey == null) {
        if (element instanceof UserTask) {
          problems.add(ModelProblem.at(element, "用户任务没有表单（camunda:formKey）"));
        }
        continue;
      }
      if (!formKey.startsWith(DEPLOYED_FORM_PREFIX)) {
        problems.add(ModelProblem.at(element, "表单 \"" + formKey + "\" 不是本平台的 Camunda 表单（应为 " + DEPLOYED_FORM_PREFIX + "文件名.form）"));
      } else if (!forms.exists(formKey.substring(DEPLOYED_FORM_PREFIX.length()))) {
        problems.add(ModelProblem.at(element, "表单 \"" + formKey.substring(DEPLOYED_FORM_PREFIX.length()) + "\" 不存在"));
      }
    }
  }

  private static void checkImplementations(BpmnModelInstance model, List<ModelProblem> problems) {
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      if (task.getCamundaDelegateExpression() == null && task.getCamundaClass() == null && task.getCamundaExpression() == null
          && task.getCamundaType() == null) {
        problems.add(ModelProblem.at(task, "服务任务没有实现：请用 camunda:delegateExpression=\"${组件名}\" 或 camunda:expression 调用模型可用的组件"));
      }
    }
  }

  /** The engine's own parse, without deploying: what it would refuse, with element ids. */
  private List<ModelProblem> engineParse(ModelFile file) {
    byte[] bytes = file.bytes();
    try {
      engineConfiguration.getCommandExecutorTxRequired().execute(commandContext -> {
        DeploymentEntity deployment = new DeploymentEntity();
        deployment.setName("dry-run");
        bpmnDeployer().getBpmnParser().createParse()
            .sourceInputStream(new ByteArrayInputStream(bytes))
            .deployment(deployment)
            .name(file.process().getId() + ".bpmn")
            .execute();
        return null;
      });
      return List.of();
    } catch (ParseException e) {
      List<ModelProblem> problems = new ArrayList<>();
      for (ResourceReport report : e.getResorceReports()) {
        for (Problem error : report.getErrors()) {
          // the engine names a multi-instance body "<id>#multiInstanceBody"
          String id = error.getMainElementId() == null ? null : error.getMainElementId().replaceFirst("#.*$", "");
          ModelElementInstance element = id == null ? null : file.model().getModelElementById(id);
          String name = element instanceof FlowElement flowElement ? flowElement.getName() : null;
          problems.add(new ModelProblem(id, name, "流程引擎拒绝（第 " + error.getLine() + " 行）：" + error.getMessage()));
        }
      }
      return problems.isEmpty() ? List.of(ModelProblem.ofFile("流程引擎拒绝：" + e.getMessage())) : problems;
    }
  }

  private BpmnDeployer bpmnDeployer() {
    return engineConfiguration.getDeployers().stream().filter(BpmnDeployer.class::isInstance).map(BpmnDeployer.class::cast)
        .findFirst().orElseThrow(() -> new IllegalStateException("流程引擎没有 BPMN 部署器"));
  }

  /** Comma-separated literals, leaving out expressions (their values come from data at run time). */
  private static List<String> literals(String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    return Arrays.stream(value.split(",")).map(String::trim)
        .filter(part -> !part.isEmpty() && !part.startsWith("${") && !part.startsWith("#{")).toList();
  }
}
