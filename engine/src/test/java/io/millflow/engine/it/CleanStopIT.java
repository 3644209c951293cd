package io.millflow.engine.it;

import static io.millflow.engine.it.SyncChecks.awaitRunningPast;
import static io.millflow.engine.it.SyncChecks.startRun;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A normal stop (SIGTERM, as Ctrl-C or a service manager sends it) is orderly and quiet: the
 * pollers stop, the workers stop fetching, the attempt in flight finishes or is handed back, and
 * only then do the engine and the state store stop. Its log has no WARN or ERROR line, and the run
 * it interrupted completes after the next start.
 */
class CleanStopIT {

  private static final int ORDERS = 20_000;
  private static final String FLOW = "plex-po-to-postgres";
  private static final String ADMIN_TOKEN = "mf_it-admin-" + UUID.randomUUID();

  @TempDir Path work;

  @Test
  void stoppingDuringARunLogsNoWarningAndTheRunCompletesAfterTheNextStart() throws Exception {
    Path data = work.resolve("data");
    Map<String, String> properties =
        Map.of(
            "millflow.sandbox.plex-purchase-orders",
            String.valueOf(ORDERS),
            "millflow.sandbox.plex-rate-limit-per-minute",
            "0");
    String runId;
    RuntimeProcess first = RuntimeProcess.start(data, "first", properties, ADMIN_TOKEN);
    try (first) {
      runId = startRun(first, FLOW);
      awaitRunningPast(
          first, runId, "ReadOrders", 500, Duration.ofSeconds(120), () -> first.logTail(40));
    }
    assertThat(first.isAlive()).isFalse();
    List<String> stop =
        first.log().lines().dropWhile(line -> !line.contains("Millflow stopping")).toList();
    assertThat(stop).as(first.logTail(60)).isNotEmpty();
    assertThat(stop)
        .as("the stop's log lines")
        .noneMatch(line -> line.matches("^\\S+ (WARN|ERROR) .*"))
        .anyMatch(line -> line.contains("stopped in"));

    try (RuntimeProcess second = RuntimeProcess.start(data, "second", properties, ADMIN_TOKEN)) {
      JsonNode run =
          Await.until(
              "the interrupted run to complete after the next start",
              Duration.ofSeconds(180),
              () -> second.api("GET", "/api/runs/" + runId, null, null, 200),
              r -> !r.at("/run/status").asText().equals("running"),
              () -> second.logTail(60));
      assertThat(run.at("/run/status").asText()).as("%s", run).isEqualTo("completed");
    }
  }

  @Test
  void stoppingAnIdleRuntimeAfterARunLogsNoWarning() throws Exception {
    RuntimeProcess runtime =
        RuntimeProcess.start(work.resolve("idle"), "idle", Map.of(), ADMIN_TOKEN);
    try (runtime) {
      String runId = startRun(runtime, FLOW);
      Await.until(
          "the run to end",
          Duration.ofSeconds(120),
          () -> runtime.api("GET", "/api/runs/" + runId, null, null, 200),
          r -> !r.at("/run/status").asText().equals("running"),
          () -> runtime.logTail(40));
    }
    List<String> stop =
        runtime.log().lines().dropWhile(line -> !line.contains("Millflow stopping")).toList();
    assertThat(stop)
        .as(runtime.logTail(40))
        .isNotEmpty()
        .noneMatch(line -> line.matches("^\\S+ (WARN|ERROR) .*"))
        .anyMatch(line -> line.contains("stopped in"));
  }
}
