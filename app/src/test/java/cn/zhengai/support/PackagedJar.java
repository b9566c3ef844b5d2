package cn.zhengai.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The command that starts the packaged jar the way users do ({@code java -jar zhengai-app.jar}), with this JVM's java
 * and the JVM options the build passes in {@code zhengai.jar.jvm-args} (compiler settings that change how fast a
 * test node starts, never what it does; see app/pom.xml).
 */
public final class PackagedJar {

  private PackagedJar() {}

  /** {@code java [build's JVM options] [jvmOptions] -jar jar}; the app's own arguments follow. */
  public static List<String> javaJar(Path jar, String... jvmOptions) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    Arrays.stream(System.getProperty("zhengai.jar.jvm-args", "").trim().split("\\s+")).filter(option -> !option.isEmpty())
        .forEach(command::add);
    command.addAll(List.of(jvmOptions));
    command.addAll(List.of("-jar", jar.toString()));
    return command;
  }
}
