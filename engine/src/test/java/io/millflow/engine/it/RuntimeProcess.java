package io.millflow.engine.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.step.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged runtime ({@code java -jar quarkus-run.jar}) as a child process, the way a user
 * starts it.
 */
final class RuntimeProcess implements AutoCloseable {

  /** Environment variable a runtime takes its first admin API token from. */
  static final String ADMIN_TOKEN_ENV = "MILLFLOW_SECURITY_ADMIN_TOKEN";

  private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String name;
  private final Process process;
  private final Path log;
  private final int port;
  private final String adminToken;

  private RuntimeProcess(String name, Process process, Path log, int port, String adminToken) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.port = port;
    this.adminToken = adminToken;
  }

  /** Starts the runtime with {@code properties} and waits until it says it is ready. */
  static RuntimeProcess start(Path dataDir, String logName, Map<String, String> properties)
      throws Exception {
    return start(dataDir, logName, properties, null);
  }

  /**
   * Starts the runtime with {@code properties} and, when {@code adminToken} is given, that first
   * admin API token (which {@link #api} then sends); waits until it says it is ready.
   */
  static RuntimeProcess start(
      Path dataDir, String logName, Map<String, String> properties, String adminToken)
      throws Exception {
    Path jar =
        Path.of(System.getProperty("millflow.runtime.jar", "target/quarkus-app/quarkus-run.jar"));
    if (!Files.exists(jar)) {
      throw new IllegalStateException(
          jar + " is missing: integration tests run after `mvn package`");
    }
    int port = freePort();
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "-Xmx512m",
                "-Dmillflow.data-dir=" + dataDir,
                "-Dquarkus.http.port=" + port,
                // several runtimes on one host: each its own management port (metrics, health), not
                // the shared default 9000
                "-Dquarkus.management.port=" + freePort()));
    properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.addAll(List.of("-jar", jar.toString()));
    Path log = dataDir.resolveSibling(logName + ".log");
    Files.createDirectories(dataDir);
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    if (adminToken != null) {
      builder.environment().put(ADMIN_TOKEN_ENV, adminToken);
    }
    Process process = builder.start();
    // Should the test JVM itself be stopped (a build timeout, Ctrl-C), the runtime must not outlive
    // it.
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    RuntimeProcess runtime = new RuntimeProcess(logName, process, log, port, adminToken);
    runtime.awaitReady();
    return runtime;
  }

  String name() {
    return name;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Sends an API request with the admin token, and fails (with the end of this runtime's log)
   * unless the answer has the {@code expected} status. Returns the answer's JSON, or a null node
   * when it has no body.
   */
  JsonNode api(String method, String path, String contentType, String body, int expected)
      throws Exception {
    HttpResponse<String> response = request(method, path, contentType, body);
    if (response.statusCode() != expected) {
      throw new AssertionError(
          name
              + ": "
              + method
              + " "
              + path
              + " answered "
              + response.statusCode()
              + " (expected "
              + expected
              + "): "
              + response.body()
              + "\n"
              + logTail(40));
    }
    return response.body().isBlank()
        ? Json.mapper().nullNode()
        : Json.mapper().readTree(response.body());
  }

  HttpResponse<String> request(String method, String path, String contentType, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(30));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (adminToken != null && path.startsWith("/api/")) {
      request.header("Authorization", "Bearer " + adminToken);
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A graceful stop, as Ctrl-C or a service manager does it. */
  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      kill();
    }
  }

  /**
   * {@code kill -9} of the runtime and anything it started: a machine or container dying under it.
   */
  void kill() throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException(
          name + " (pid " + process.pid() + ") survived kill -9 for 30 s");
    }
  }

  String log() {
    try {
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The last {@code lines} lines of the log, headed by the runtime's name, for failure messages.
   */
  String logTail(int lines) {
    List<String> all = log().lines().toList();
    return "--- last "
        + Math.min(lines, all.size())
        + " lines of "
        + name
        + "'s log ("
        + log
        + ") ---\n"
        + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  private void awaitReady() throws InterruptedException {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "The runtime exited with " + process.exitValue() + ":\n" + log());
      }
      if (Files.exists(log) && log().contains("Millflow ready")) {
        return;
      }
      Thread.sleep(100);
    }
    kill();
    throw new IllegalStateException(
        "The runtime was not ready within " + START_TIMEOUT + ":\n" + log());
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
