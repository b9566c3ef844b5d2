package cn.zhengai.processes.modelfile;

import java.util.List;

/** A model file that was refused before anything was deployed; carries every problem found. */
public class ModelFileException extends RuntimeException {

  private final List<ModelProblem> problems;

  public ModelFileException(List<ModelProblem> problems) {
    super("模型文件未通过检查：" + String.join("；", problems.stream().map(ModelProblem::describe).toList()));
    this.problems = List.copyOf(problems);
  }

  public List<ModelProblem> problems() {
    return problems;
  }
}
