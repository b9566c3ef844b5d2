package cn.zhengai.tasklist;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterListPageCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.rest.hal.HalResource;
import org.camunda.bpm.engine.rest.hal.task.HalTask;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.camunda.bpm.engine.rest.sub.runtime.impl.FilterResourceImpl;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cards of one page of a shared filter, written by the engine REST API's own filter resource (the tasks with
 * the engine's authorization checks, the filter's card variables, the links Tasklist follows) with the count the
 * product already has: the engine's HAL list would count the page's tasks once more with its authorization join,
 * the dearest of its queries after the list itself.
 */
final class FilterPageCards extends FilterResourceImpl {

  /** Configured as the engine REST API configures its own (the date format, the empty values it writes). */
  static final ObjectMapper JSON = JacksonConfigurator.configureObjectMapper(new ObjectMapper());
  private static final Logger LOG = LoggerFactory.getLogger(FilterPageCards.class);

  private final long count;
  private final boolean readsEachTask;

  private FilterPageCards(String engineName, Filter filter, long count, boolean readsEachTask) {
    super(engineName, JSON, filter.getId(), "");
    // read for the caller a moment ago: reading it again would parse its stored query again
    this.dbFilter = filter;
    this.count = count;
    this.readsEachTask = readsEachTask;
  }

  /**
   * The HAL list of the tasks {@code query} names (the page, narrowed to its task ids) with the filter's whole count;
   * {@code readsEachTask} as {@link FilterPages.Selection#readsEachTask()} says.
   */
  static HalResource<?> of(String engineName, Filter filter, String query, int maxResults, long count, boolean readsEachTask) {
    return new FilterPageCards(engineName, filter, count, readsEachTask).queryHalList(query, 0, maxResults);
  }

  @Override
  protected long executeFilterCount(String extendingQuery) {
    return count;
  }

  /**
   * The engine's own command for a filter's page, with the filter the caller was found to read when the page was
   * selected, instead of reading it, checking it and parsing its stored query once more.
   */
  @Override
  protected List<?> executeFilterList(String extendingQuery, Integer firstResult, Integer maxResults) {
    return engine().getCommandExecutorTxRequired().execute(
        new ExecuteFilterListPageCmd(dbFilter.getId(), convertQuery(extendingQuery), firstResult == null ? 0 : firstResult,
            maxResults == null ? Integer.MAX_VALUE : maxResults) {
          @Override
          protected Filter getFilter(CommandContext commandContext) {
            ((AbstractQuery<?, ?>) extendingQuery).validate();
            return dbFilter.extend(extendingQuery);
          }
        });
  }

  /**
   * The card variables, read without the engine's authorization join when that changes nothing (on PostgreSQL the
   * join reads the caller's grants by a sequential scan of all authorizations, the dearest query of a page): the
   * engine shows a task's own variables to whoever may read the task, and a card shows a task's own variable before
   * one of the same name of its execution or process instance. So when the caller reads each task by a grant on it and
   * every variable found beyond the tasks' own is hidden behind one of the task's own, the cards are the engine's.
   * Otherwise the engine reads them with its checks, as it would.
   */
  @Override
  protected Map<String, List<VariableInstance>> getVariableInstancesForTasks(HalTask... tasks) {
    List<String> names = tasks == null || tasks.length == 0 ? null : getFilterVariableNames();
    if (names == null || names.isEmpty()) {
      return super.getVariableInstancesForTasks(tasks);
    }
    if (!readsEachTask) {
      return readByTheEngine(tasks);
    }
    List<VariableInstance> found = withoutChecks(() -> queryVariablesInstancesByVariableScopeIds(names, getVariableScopeIds(tasks)));
    Map<String, Set<String>> ownNames = new HashMap<>();
    for (HalTask task : tasks) {
      ownNames.put(task.getId(), new HashSet<>());
    }
    for (VariableInstance variable : found) {
      Set<String> own = ownNames.get(scopeOf(variable));
      if (own != null) {
        own.add(variable.getName());
      }
    }
    Map<String, List<VariableInstance>> byScope = new HashMap<>();
    for (VariableInstance variable : found) {
      String scope = scopeOf(variable);
      if (!ownNames.containsKey(scope)) {
        for (HalTask task : tasks) {
          boolean seenByTask = scope.equals(task.getExecutionId()) || scope.equals(task.getProcessInstanceId());
          if (seenByTask && !ownNames.get(task.getId()).contains(variable.getName())) {
            // the card would show it if the engine lets the caller read it
            return readByTheEngine(tasks);
          }
        }
        continue;
      }
      byScope.computeIfAbsent(scope, id -> new ArrayList<>()).add(variable);
    }
    return byScope;
  }

  private Map<String, List<VariableInstance>> readByTheEngine(HalTask... tasks) {
    LOG.debug("任务卡片上的变量由引擎按授权读取");
    return super.getVariableInstancesForTasks(tasks);
  }

  private static String scopeOf(VariableInstance variable) {
    return ((VariableInstanceEntity) variable).getVariableScopeId();
  }

  /** {@code query} without the engine's authorization and tenant checks (the caller's were made selecting the page). */
  private <T> T withoutChecks(Supplier<T> query) {
    return engine().getCommandExecutorTxRequired().execute(context -> {
      context.disableAuthorizationCheck();
      context.disableTenantCheck();
      try {
        return query.get();
      } finally {
        context.enableAuthorizationCheck();
        context.enableTenantCheck();
      }
    });
  }

  private ProcessEngineConfigurationImpl engine() {
    return (ProcessEngineConfigurationImpl) getProcessEngine().getProcessEngineConfiguration();
  }
}
