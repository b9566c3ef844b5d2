package cn.zhengai.processes;

/**
 * The candidate groups the shipped models name literally, as the tests expect to find them in the models: units of
 * the college's organisation file. The application refers to them through {@code cn.zhengai.org.OrgGroups}.
 */
final class Groups {

  static final String PRESIDENTS_OFFICE = "yb";
  static final String QA_OFFICE = "zgb";
  static final String LEADING_GROUP = "qa-leading-group";
  static final String PERSONNEL = "rsc";

  private Groups() {}
}
