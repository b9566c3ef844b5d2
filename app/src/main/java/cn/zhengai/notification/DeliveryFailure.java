package cn.zhengai.notification;

/**
 * A message that a channel did not take, with the reason in Chinese for the delivery record. {@code retryable} is
 * false where trying again cannot help (no address any more, the channel switched off).
 */
class DeliveryFailure extends Exception {

  private final boolean retryable;

  DeliveryFailure(String message, boolean retryable) {
    super(message);
    this.retryable = retryable;
  }

  boolean retryable() {
    return retryable;
  }

  /** The innermost cause's own words, for the technical part of a reason. */
  static String detail(Throwable error) {
    Throwable cause = error;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = cause.getMessage();
    return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message.strip();
  }
}
