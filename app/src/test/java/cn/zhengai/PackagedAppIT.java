package cn.zhengai;

import static cn.zhengai.processes.AnnualWorkPlanProcess.Variables.*;
import static cn.zhengai.support.EngineRest.variables;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhengai.calendar.CollegeTime;
import cn.zhengai.processes.AnnualWorkPlanProcess;
import cn.zhengai.processes.AnnualWorkPlanProcess.Elements;
import cn.zhengai.processes.ModelResources;
import cn.zhengai.support.EngineRest;
import cn.zhengai.support.PackagedJar;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;

/**
 * The artifact users get: {@code java -jar app/target/zhengai-app.jar}, as the README runs it, on a free port with a
 * fresh data folder, driven over HTTP only. Runs in {@code mvn verify} after the jar is built (failsafe); the app's
 * log is kept in {@code app/target/packaged-app.log}.
 */
class PackagedAppIT {

  private static final String PROCESS_OWNER = "wuqian";
  private static final String PRESIDENTS_OFFICE_HEAD = "liming";
  private static final String ACADEMIC_AFFAIRS_HEAD = "wangfang";
  private static final Duration STARTUP_LIMIT = Duration.ofMinutes(5);

  private static Process app;
  private static Thread killOnExit;
  private static Path dataFolder;
  private static Path log;
  private static TestRestTemplate http;

  @BeforeAll
  static void startTheJar() throws Exception {
    Path jar = Path.of(System.getProperty("zhengai.jar", "target/zhengai-app.jar")).toAbsolutePath();
    assertThat(jar).as("the jar `mvn package` builds").isRegularFile();
    log = jar.resolveSibling("packaged-app.log");
    dataFolder = Files.createTempDirectory("zhengai-packaged-app-");
    int port = freePort();
    List<String> command = new ArrayList<>(PackagedJar.javaJar(jar));
    command.addAll(List.of("--server.port=" + port, "--zhengai.data-dir=" + dataFolder));
    app = new ProcessBuilder(command)
        .directory(dataFolder.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    // the child must not outlive a test JVM that is stopped or crashes before @AfterAll
    killOnExit = new Thread(app::destroyForcibly);
    Runtime.getRuntime().addShutdownHook(killOnExit);
    String base = "http://localhost:" + port;
    awaitHealthy(base);
    http = new TestRestTemplate(new RestTemplateBuilder().rootUri(base).readTimeout(Duration.ofMinutes(2)));
  }

  @AfterAll
  static void stopTheJar() throws Exception {
    if (app != null) {
      app.destroy();
      if (!app.waitFor(30, TimeUnit.SECONDS)) {
        app.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    }
    if (dataFolder != null) {
      try (Stream<Path> files = Files.walk(dataFolder)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  @Test
  void aProcessOwnerChangesTheModelAndTheUnitsWorkOnTheNewVersion() throws Exception {
    String shipped = new String(ModelResources.bytes(AnnualWorkPlanProcess.MODEL), StandardCharsets.UTF_8);

    // a dry run checks the unchanged model, schema included, and deploys nothing
    JsonNode dryRun = upload(shipped, "dryRun=true").expect(200).json();
    assertThat(dryRun.get("problems")).isEmpty();
    assertThat(dryRun.get("deployed").asBoolean()).isFalse();
    // the schema check really runs inside the jar: a file against the schema is refused with its line
    String againstSchema = shipped.replace("isExecutable=\"true\"", "isExecutable=\"perhaps\"");
    assertThat(againstSchema).isNotEqualTo(shipped);
    JsonNode refused = upload(againstSchema, "dryRun=true").expect(400).json();
    assertThat(refused.get("problems").get(0).get("message").asText()).startsWith("不符合 BPMN 2.0 规范（第 ").contains("perhaps");

    // the owner renames the review task and deploys it as a new version
    String renamed = shipped.replace("name=\"审核年度工作计划\"", "name=\"审核单位年度工作计划\"");
    assertThat(renamed).isNotEqualTo(shipped);
    JsonNode deployed = upload(renamed, "").expect(200).json();
    assertThat(deployed.get("problems")).isEmpty();
    assertThat(deployed.get("deployed").asBoolean()).isTrue();
    assertThat(deployed.get("version").asInt()).isEqualTo(2);

    // 院办 opens a round through the engine REST API, as Tasklist does
    LocalDate today = LocalDate.now(CollegeTime.ZONE);
    String round = as(PRESIDENTS_OFFICE_HEAD).post("/engine-rest/process-definition/key/" + AnnualWorkPlanProcess.KEY + "/submit-form",
        variables(Map.of(YEAR.name(), today.getYear() + 1, SUBMISSION_DUE_DATE.name(), today.plusDays(30).toString()))).expect(200).json().get("id").asText();

    // 教务处's head enters the unit's key tasks in 表5 and completes the unit's task
    JsonNode tasks = as(ACADEMIC_AFFAIRS_HEAD).get("/engine-rest/task?processInstanceId=" + round).expect(200).json();
    assertThat(tasks).hasSize(1);
    assertThat(tasks.get(0).get("name").asText()).isEqualTo("提交年度工作计划");
    as(ACADEMIC_AFFAIRS_HEAD).post("/api/planning/key-tasks?year=" + (today.getYear() + 1), Map.of("title", "专业教学标准全覆盖",
        "unit", "教务处", "measures", "对标专业教学标准逐项整改", "deadline", (today.getYear() + 1) + "-12-31")).expect(201);
    as(ACADEMIC_AFFAIRS_HEAD).post("/engine-rest/task/" + tasks.get(0).get("id").asText() + "/submit-form",
        variables(Map.of(PLAN_NOTE.name(), "对标专业教学标准逐项整改"))).expect(204);

    // the plan reaches 院办 under the task's new name: the round runs on the uploaded version
    JsonNode reviews = as(PRESIDENTS_OFFICE_HEAD).get("/engine-rest/task?processInstanceId=" + round
        + "&taskDefinitionKey=" + Elements.TASK_REVIEW_WORK_PLAN).expect(200).json();
    assertThat(reviews.findValuesAsText("name")).containsExactly("审核单位年度工作计划");
  }

  private static EngineRest.Reply upload(String bpmn, String query) {
    return EngineRest.as(http, PROCESS_OWNER).upload("/api/models" + (query.isEmpty() ? "" : "?" + query), "annual-work-plan.bpmn",
        bpmn.getBytes(StandardCharsets.UTF_8));
  }

  private static EngineRest as(String user) {
    return EngineRest.as(http, user);
  }

  /** Waits until the app reports UP; fails early, with its log's end, when it stops or takes too long. */
  private static void awaitHealthy(String base) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest health = HttpRequest.newBuilder(URI.create(base + "/actuator/health")).timeout(Duration.ofSeconds(10)).build();
    Instant deadline = Instant.now().plus(STARTUP_LIMIT);
    while (Instant.now().isBefore(deadline)) {
      assertThat(app.isAlive()).as("the app stopped while starting:\n" + logTail()).isTrue();
      try {
        HttpResponse<String> answer = client.send(health, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
          return;
        }
      } catch (IOException notListeningYet) {
        // the web server is not up yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the app was not healthy within " + STARTUP_LIMIT + ":\n" + logTail());
  }

  private static String logTail() {
    try {
      // the app writes its log in the platform's charset, as ours
      List<String> lines = new String(Files.readAllBytes(log), Charset.defaultCharset()).lines().toList();
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
