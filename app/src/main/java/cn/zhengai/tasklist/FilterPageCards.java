package cn.zhengai.tasklist;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.rest.hal.HalResource;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.camunda.bpm.engine.rest.sub.runtime.impl.FilterResourceImpl;

/**
 * The cards of one page of a shared filter, written by the engine REST API's own filter resource (the tasks with
 * the engine's authorization checks, the filter's card variables, the links Tasklist follows) with the count the
 * product already has: the engine's HAL list would count the page's tasks once more with its authorization join,
 * the dearest of its queries after the list itself.
 */
final class FilterPageCards extends FilterResourceImpl {

  /** Configured as the engine REST API configures its own (the date format, the empty values it writes). */
  static final ObjectMapper JSON = JacksonConfigurator.configureObjectMapper(new ObjectMapper());

  private final long count;

  private FilterPageCards(String engineName, String filterId, long count) {
    super(engineName, JSON, filterId, "");
    this.count = count;
  }

  /** The HAL list of the tasks {@code query} names (the page, narrowed to its task ids) with the filter's whole count. */
  static HalResource<?> of(String engineName, String filterId, String query, int maxResults, long count) {
    return new FilterPageCards(engineName, filterId, count).queryHalList(query, 0, maxResults);
  }

  @Override
  protected long executeFilterCount(String extendingQuery) {
    return count;
  }
}
