package io.millflow.engine.it;

import io.millflow.engine.cluster.StandaloneZeebe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@link StandaloneZeebe} as a child process: the one Zeebe that several runtimes share. */
final class ZeebeProcess implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final Path log;
  private final String address;

  private ZeebeProcess(Process process, Path log, String address) {
    this.process = process;
    this.log = log;
    this.address = address;
  }

  static ZeebeProcess start(Path log) throws Exception {
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx768m",
            "-cp",
            System.getProperty("java.class.path"),
            StandaloneZeebe.class.getName(),
            String.valueOf(RuntimeProcess.freePort()));
    Files.createDirectories(log.getParent());
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    Runtime.getRuntime()
        .addShutdownHook(new Thread(process::destroyForcibly)); // not to outlive a stopped test JVM
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      String text = read(log);
      int ready = text.indexOf(StandaloneZeebe.READY);
      if (ready >= 0 && text.indexOf('\n', ready) > 0) {
        String gateway =
            text.substring(ready + StandaloneZeebe.READY.length(), text.indexOf('\n', ready))
                .strip();
        String port = gateway.substring(gateway.lastIndexOf(':') + 1);
        return new ZeebeProcess(process, log, "http://127.0.0.1:" + port);
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "The standalone Zeebe exited with " + process.exitValue() + ":\n" + text);
      }
      Thread.sleep(100);
    }
    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    throw new IllegalStateException(
        "The standalone Zeebe did not start within " + START_TIMEOUT + ":\n" + read(log));
  }

  /** The gateway's gRPC address, as {@code millflow.zeebe.address} takes it. */
  String address() {
    return address;
  }

  String logTail(int lines) {
    List<String> all = read(log).lines().toList();
    return "--- last "
        + Math.min(lines, all.size())
        + " lines of the standalone Zeebe's log ---\n"
        + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  @Override
  public void close() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  private static String read(Path log) {
    try {
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
