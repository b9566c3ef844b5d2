package cn.zhengai.processes;

import java.io.IOException;
import java.io.InputStream;

/** Reads a catalogued model file from the classpath. */
public final class ModelResources {

  private ModelResources() {}

  public static byte[] bytes(ProcessModel model) throws IOException {
    try (InputStream in = ModelResources.class.getClassLoader().getResourceAsStream(model.classpathLocation())) {
      if (in == null) {
        throw new IOException("缺少模型文件 " + model.classpathLocation());
      }
      return in.readAllBytes();
    }
  }
}
