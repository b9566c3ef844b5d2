package cn.zhengai.tasks;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;

/** Values a user entered that the process cannot accept; the message lists each problem in Chinese. */
public class FormValueException extends BadUserRequestException {

  public FormValueException(List<String> problems) {
    super("表单填写有误：" + String.join("；", problems));
  }
}
