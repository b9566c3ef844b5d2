package cn.zhengai.planning;

/** A request about the planning tables that cannot be carried out, with the reason in Chinese (HTTP 400). */
public class PlanningException extends RuntimeException {

  public PlanningException(String message) {
    super(message);
  }
}
