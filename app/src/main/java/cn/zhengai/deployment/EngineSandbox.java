package cn.zhengai.deployment;

import cn.zhengai.processes.modelfile.ModelProblem;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;
import org.camunda.bpm.engine.ArtifactFactory;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.scripting.ExecutableScript;
import org.camunda.bpm.engine.impl.scripting.ScriptFactory;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.stereotype.Component;

/**
 * The same rule as the upload, inside the engine, for every model whatever path it came from (the shipped models,
 * an upload, a migration, an administrator's {@code /engine-rest/deployment/create}), so that one case the upload
 * check misses is not a hole:
 * <ul>
 *   <li>every BPMN resource of a deployment passes {@link ModelSandbox} before the engine parses it, or the
 *       deployment is refused with the Chinese problems (also when the engine parses a deployment again after a
 *       restart);</li>
 *   <li>expressions resolve variables and declared beans only ({@link SandboxedExpressionManager});</li>
 *   <li>scripting is off: no script is created at deploy time, no script engine is handed out at run time;</li>
 *   <li>no Java class named by a model is instantiated ({@code camunda:class}, {@code camunda:type="shell"} and
 *       {@code "mail"}, variable mapping classes).</li>
 * </ul>
 */
@Component
class EngineSandbox extends AbstractProcessEnginePlugin {

  static final String SCRIPTS_OFF = "本平台已关闭脚本，流程模型不能包含脚本";

  private final ModelVocabulary vocabulary;
  private final ModelSandbox sandbox;

  EngineSandbox(ModelVocabulary vocabulary, ModelSandbox sandbox) {
    this.vocabulary = vocabulary;
    this.sandbox = sandbox;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setExpressionManager(new SandboxedExpressionManager(vocabulary));
    configuration.setScriptFactory(new NoScripts());
    configuration.setScriptEngineResolver(new NoScriptEngines());
    configuration.setArtifactFactory(new NoModelClasses());
    List<Deployer> preDeployers = new ArrayList<>();
    if (configuration.getCustomPreDeployers() != null) {
      preDeployers.addAll(configuration.getCustomPreDeployers());
    }
    preDeployers.add(new SandboxCheck(sandbox));
    configuration.setCustomPreDeployers(preDeployers);
  }

  /** Runs the upload's sandbox check on every BPMN resource before the engine's own deployer. */
  static final class SandboxCheck implements Deployer {

    private final ModelSandbox sandbox;

    SandboxCheck(ModelSandbox sandbox) {
      this.sandbox = sandbox;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
      for (ResourceEntity resource : deployment.getResources().values()) {
        if (!resource.getName().endsWith(".bpmn") && !resource.getName().endsWith(".bpmn20.xml")) {
          continue;
        }
        List<ModelProblem> problems;
        try {
          BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes()));
          problems = sandbox.check(model);
        } catch (RuntimeException unreadable) {
          problems = List.of(ModelProblem.ofFile("无法读取模型：" + unreadable.getMessage()));
        }
        if (!problems.isEmpty()) {
          List<Problem> errors = problems.stream().<Problem>map(SandboxProblem::new).toList();
          throw new ParseException("部署被拒绝，" + resource.getName() + " 含有流程模型不允许的内容："
              + String.join("；", problems.stream().map(ModelProblem::describe).toList()), resource.getName(), errors, List.of());
        }
      }
    }
  }

  /** A sandbox problem as the engine reports parse errors (engine REST answers them as 400 with the element ids). */
  private record SandboxProblem(ModelProblem problem) implements Problem {

    @Override
    public String getMessage() {
      return problem.describe();
    }

    @Override
    public int getLine() {
      return 0;
    }

    @Override
    public int getColumn() {
      return 0;
    }

    @Override
    public String getMainElementId() {
      return problem.elementId();
    }

    @Override
    public List<String> getElementIds() {
      return problem.elementId() == null ? List.of() : List.of(problem.elementId());
    }
  }

  /** Refuses to create any script, so that a model with one fails to deploy. */
  private static final class NoScripts extends ScriptFactory {

    @Override
    public ExecutableScript createScriptFromResource(String language, String resource) {
      throw refused(language);
    }

    @Override
    public ExecutableScript createScriptFromResource(String language, Expression resourceExpression) {
      throw refused(language);
    }

    @Override
    public ExecutableScript createScriptFromSource(String language, String source) {
      throw refused(language);
    }

    @Override
    public ExecutableScript createScriptFromSource(String language, Expression sourceExpression) {
      throw refused(language);
    }
  }

  /** Hands out no script engine, so that no script runs even if one was created before scripting was turned off. */
  private static final class NoScriptEngines implements ScriptEngineResolver {

    @Override
    public void addScriptEngineFactory(ScriptEngineFactory factory) {
      throw refused(factory.getLanguageName());
    }

    @Override
    public ScriptEngineManager getScriptEngineManager() {
      throw refused(null);
    }

    @Override
    public ScriptEngine getScriptEngine(String language, boolean resolveFromCache) {
      throw refused(language);
    }
  }

  /** Models name the product's beans, never a Java class: nothing a model names is instantiated. */
  private static final class NoModelClasses implements ArtifactFactory {

    @Override
    public <T> T getArtifact(Class<T> type) {
      throw new ProcessEngineException("本平台不允许流程模型使用 Java 类（" + type.getName() + "），只能使用模型可用的组件");
    }
  }

  private static ProcessEngineException refused(String language) {
    return new ProcessEngineException(SCRIPTS_OFF + (language == null ? "" : "（" + language + "）"));
  }
}
