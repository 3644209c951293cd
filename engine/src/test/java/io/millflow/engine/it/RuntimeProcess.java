package io.millflow.engine.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The packaged runtime ({@code java -jar quarkus-run.jar}) as a child process, the way a user starts it. */
final class RuntimeProcess implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
  /** The first admin token every runtime started here stores (from the environment, as an operator would give it). */
  static final String ADMIN_TOKEN = "mf_it-admin-token-" + java.util.UUID.randomUUID();

  private final Process process;
  private final Path log;
  private final int port;

  private RuntimeProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /** Starts the runtime with {@code properties} and waits until it says it is ready. */
  static RuntimeProcess start(Path dataDir, String logName, Map<String, String> properties) throws Exception {
    Path jar = Path.of(System.getProperty("millflow.runtime.jar", "target/quarkus-app/quarkus-run.jar"));
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar + " is missing: integration tests run after `mvn package`");
    }
    int port = freePort();
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx512m",
        "-Dmillflow.data-dir=" + dataDir, "-Dquarkus.http.port=" + port));
    properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.addAll(List.of("-jar", jar.toString()));
    Path log = dataDir.resolveSibling(logName + ".log");
    Files.createDirectories(dataDir);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("MILLFLOW_SECURITY_ADMIN_TOKEN", ADMIN_TOKEN);
    Process process = builder.start();
    RuntimeProcess runtime = new RuntimeProcess(process, log, port);
    runtime.awaitReady();
    return runtime;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** A graceful stop, as Ctrl-C or a service manager does it. */
  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitReady() throws InterruptedException {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The runtime exited with " + process.exitValue() + ":\n" + log());
      }
      if (Files.exists(log) && log().contains("Millflow ready")) {
        return;
      }
      Thread.sleep(100);
    }
    process.destroyForcibly();
    throw new IllegalStateException("The runtime was not ready within " + START_TIMEOUT + ":\n" + log());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
