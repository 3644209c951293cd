package io.millflow.sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A standalone sandbox ({@code main} of a sandbox class) in a JVM of its own, on this JVM's class
 * path, for a benchmark that must not share its CPU time with the sandbox's. Started once it
 * printed the address it listens at (the sandbox's description); {@link #close} stops it.
 */
public final class SandboxProcess implements AutoCloseable {

  private final Process process;
  private final int port;

  private SandboxProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts {@code mainClass} with {@code --port=} a free port and {@code options}; returns once it
   * printed its address.
   */
  public static SandboxProcess start(Class<?> mainClass, List<String> options) {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass.getName());
    command.add("--port=" + port);
    command.addAll(options);
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      BufferedReader output =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line = output.readLine();
      while (line != null && !line.contains("127.0.0.1:" + port)) {
        line = output.readLine(); // logging before the sandbox names its address
      }
      if (line == null) {
        throw new IllegalStateException(mainClass.getSimpleName() + " ended before it started");
      }
      Thread.ofVirtual().start(() -> output.lines().forEach(ignored -> {}));
      return new SandboxProcess(process, port);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + mainClass.getSimpleName(), e);
    }
  }

  /** {@code http://127.0.0.1:port}, where the sandbox listens. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port for a sandbox", e);
    }
  }
}
