package io.millflow.engine.observe;

import static io.millflow.engine.FlowTestSupport.awaitRunEnd;
import static io.millflow.engine.FlowTestSupport.startRun;
import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.engine.FlowTestSupport;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/**
 * The log of a shipped flow's run: Millflow says when it started and ended, and third-party
 * libraries keep quiet.
 */
@QuarkusTest
class RunLogTest {

  @Test
  void aShippedFlowsRunLogsOneStartAndOneEndLineAndNoThirdPartyInfo() {
    FlowTestSupport.resetSyncState("plex-po-to-postgres");
    List<LogRecord> logged = new CopyOnWriteArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            logged.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger.getLogger("").addHandler(capture);
    String runId;
    try {
      runId = startRun("plex-po-to-postgres");
      assertThat(awaitRunEnd(runId).getString("run.status")).isEqualTo("completed");
    } finally {
      Logger.getLogger("").removeHandler(capture);
    }

    assertThat(logged)
        .as("INFO or above from outside Millflow")
        .filteredOn(record -> record.getLevel().intValue() >= Level.INFO.intValue())
        .filteredOn(record -> !record.getLoggerName().startsWith("io.millflow."))
        .extracting(record -> record.getLoggerName() + ": " + record.getMessage())
        .isEmpty();
    assertThat(linesOf(logged))
        .containsOnlyOnce("Run " + runId + " of flow plex-po-to-postgres started")
        .containsOnlyOnce("Run " + runId + " of flow plex-po-to-postgres ended: completed")
        .filteredOn(line -> line.contains(runId))
        .hasSize(2);
  }

  private static List<String> linesOf(List<LogRecord> logged) {
    return logged.stream()
        .map(
            record ->
                record instanceof ExtLogRecord ext
                    ? ext.getFormattedMessage()
                    : record.getMessage())
        .toList();
  }
}
