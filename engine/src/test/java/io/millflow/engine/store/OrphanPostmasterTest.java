package io.millflow.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.engine.config.MillflowConfig.EmbeddedDurability;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * After {@code kill -9} of Millflow its embedded PostgreSQL runs on as an orphan; the next start
 * stops it and comes up at the first try. A server whose Millflow still runs, and a process that
 * only reuses the pid, are left alone.
 */
class OrphanPostmasterTest {

  private static final String STARTED = "embedded PostgreSQL started";

  @TempDir Path dataDir;

  /**
   * The Millflow that gets killed: starts the embedded server on the data directory given, then
   * waits.
   */
  public static final class KilledMillflow {
    public static void main(String[] args) throws InterruptedException {
      EmbeddedPostgresServer server =
          EmbeddedPostgresServer.start(Path.of(args[0]), EmbeddedDurability.DURABLE);
      server.stateStore();
      System.out.println(STARTED);
      Thread.sleep(Duration.ofMinutes(5));
    }
  }

  @Test
  @Timeout(180)
  void startsAtTheFirstTryAfterTheJvmWasKilled() throws Exception {
    Process killed =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElseThrow(),
                "-cp",
                System.getProperty("java.class.path"),
                KilledMillflow.class.getName(),
                dataDir.toString())
            .redirectErrorStream(true)
            .start();
    try {
      awaitLine(killed, STARTED);
      long orphan = postmasterPid();
      killed.destroyForcibly(); // SIGKILL: no shutdown hook stops the server
      killed.waitFor(30, TimeUnit.SECONDS);
      assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive))
          .as("the orphan postmaster")
          .contains(true);

      Instant started = Instant.now();
      try (EmbeddedPostgresServer server =
          EmbeddedPostgresServer.start(dataDir, EmbeddedDurability.DURABLE)) {
        assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(60));
        assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(postmasterPid()).isNotEqualTo(orphan);
        assertThat(EmbeddedPostgresLoginTest.currentUser(server.stateStore()))
            .isEqualTo("postgres");
      }
    } finally {
      killed.destroyForcibly();
    }
  }

  @Test
  void leavesTheServerOfARunningMillflowAlone() throws Exception {
    try (EmbeddedPostgresServer running =
        EmbeddedPostgresServer.start(dataDir, EmbeddedDurability.DURABLE)) {
      long pid = postmasterPid();

      assertThatThrownBy(() -> EmbeddedPostgresServer.start(dataDir, EmbeddedDurability.DURABLE))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("still running");
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);
      assertThat(EmbeddedPostgresLoginTest.currentUser(running.stateStore())).isEqualTo("postgres");
    }
  }

  @Test
  void leavesAProcessThatOnlyReusedThePidAlone() throws Exception {
    Path pgData = Files.createDirectories(dataDir.resolve("postgres"));
    Files.write(
        pgData.resolve("postmaster.pid"),
        List.of(
            String.valueOf(ProcessHandle.current().pid()),
            pgData.toString(),
            "1700000000",
            "5432"));

    assertThat(OrphanPostmaster.find(pgData)).isEmpty();
  }

  private long postmasterPid() throws Exception {
    return Long.parseLong(
        Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).strip());
  }

  private static void awaitLine(Process process, String expected) throws Exception {
    BufferedReader output =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    for (String line = output.readLine(); line != null; line = output.readLine()) {
      seen.append(line).append('\n');
      if (line.contains(expected)) {
        return;
      }
    }
    throw new AssertionError("The child JVM ended before it started PostgreSQL:\n" + seen);
  }
}
