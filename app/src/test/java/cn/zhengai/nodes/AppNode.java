package cn.zhengai.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhengai.support.EngineRest;
import cn.zhengai.support.PackagedJar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;

/**
 * One app node as users run it: {@code java -jar zhengai-app.jar} in its own process, with its own port and data
 * folder, on a shared database. Each start writes its own log ({@code app/target/two-nodes-<name>-<n>.log}).
 */
final class AppNode {

  private static final Duration STARTUP_LIMIT = Duration.ofMinutes(6);

  private final String name;
  private final Path jar;
  private final List<String> arguments;
  private final int port;
  private final TestRestTemplate http;
  private Process process;
  private Thread killOnExit;
  private Path log;
  private int starts;

  AppNode(String name, Path jar, Path dataFolder, List<String> settings) throws IOException {
    this.name = name;
    this.jar = jar;
    this.port = freePort();
    this.arguments = new ArrayList<>(List.of("--server.port=" + port, "--zhengai.data-dir=" + dataFolder));
    this.arguments.addAll(settings);
    this.http = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port).readTimeout(Duration.ofMinutes(10)));
  }

  void start() throws IOException {
    log = jar.resolveSibling("two-nodes-" + name + "-" + ++starts + ".log");
    List<String> command = new ArrayList<>(PackagedJar.javaJar(jar, "-Xmx2g"));
    command.addAll(arguments);
    process = new ProcessBuilder(command).directory(jar.getParent().toFile()).redirectErrorStream(true).redirectOutput(log.toFile())
        .start();
    // the node must not outlive a test JVM that is stopped or crashes
    killOnExit = new Thread(process::destroyForcibly);
    Runtime.getRuntime().addShutdownHook(killOnExit);
  }

  /**
   * Waits until the node reports UP and has done its startup work (models, organisation); fails early, with its log's
   * end, when it stops or takes too long.
   */
  void awaitStarted() throws InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
        .timeout(Duration.ofSeconds(10)).build();
    Instant deadline = Instant.now().plus(STARTUP_LIMIT);
    while (Instant.now().isBefore(deadline)) {
      assertThat(process.isAlive()).as("node " + name + " stopped while starting:\n" + logTail()).isTrue();
      try {
        HttpResponse<String> answer = client.send(health, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200 && answer.body().contains("\"UP\"") && log().contains("已释放启动锁")) {
          return;
        }
      } catch (IOException notListeningYet) {
        // the web server is not up yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("node " + name + " was not healthy within " + STARTUP_LIMIT + ":\n" + logTail());
  }

  /** SIGKILL: no shutdown hook, no graceful stop, open transactions and locked jobs left as they are. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    Runtime.getRuntime().removeShutdownHook(killOnExit);
  }

  void stop() throws InterruptedException {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    Runtime.getRuntime().removeShutdownHook(killOnExit);
  }

  boolean alive() {
    return process.isAlive();
  }

  EngineRest as(String user) {
    return EngineRest.as(http, user);
  }

  /** The log of the current start. */
  String log() {
    try {
      // the app writes its log in the platform's charset, as ours
      return new String(Files.readAllBytes(log), Charset.defaultCharset());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String logTail() {
    List<String> lines = log().lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  @Override
  public String toString() {
    return "node " + name;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
