package cn.zhengai.processes;

import java.util.List;
import java.util.Map;

/**
 * A deployable model: its process key, its resource name under {@code processes/} and, per Camunda Form it
 * references, the field keys the process reads from that form.
 */
public record ProcessModel(String key, String resource, Map<String, List<String>> formFieldsRead) {

  /** Where models live on the classpath. */
  public static final String CLASSPATH_FOLDER = "processes/";

  /** The form-key prefix that makes Tasklist render a Camunda Form from the same deployment. */
  public static final String DEPLOYED_FORM_PREFIX = "camunda-forms:deployment:";

  public String classpathLocation() {
    return CLASSPATH_FOLDER + resource;
  }
}
