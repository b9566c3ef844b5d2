package cn.zhengai.deployment;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;

/** A class on the app's class path that a model could name with camunda:class: it writes the marker file it is given. */
public class MarkerWriter implements JavaDelegate, ExecutionListener, TaskListener {

  private Expression marker;

  public void setMarker(Expression marker) {
    this.marker = marker;
  }

  @Override
  public void execute(DelegateExecution execution) {
    write((String) marker.getValue(execution));
  }

  @Override
  public void notify(DelegateExecution execution) {
    write((String) marker.getValue(execution));
  }

  @Override
  public void notify(DelegateTask task) {
    write((String) marker.getValue(task));
  }

  private static void write(String path) {
    try {
      new File(path).createNewFile();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
