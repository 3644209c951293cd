package io.millflow.connector.netsuite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.netsuite.sandbox.NetSuiteSandbox;
import io.millflow.connector.netsuite.sandbox.NetSuiteSandboxConfig;
import io.millflow.step.Connection;
import io.millflow.step.DatasetStore;
import io.millflow.step.ReadResult;
import io.millflow.step.StepContext;
import io.millflow.step.StepLog;
import io.millflow.step.testing.MutableClock;
import io.millflow.step.testing.TestStepContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Records change while a read pages through them: after every page the sandbox's clock moves an
 * hour, and from the read's start on a third of the records (spread over the whole period) change
 * every hour, which moves them out of the read's window and shifts the rows behind them to lower
 * offsets. The read must neither skip the shifted records nor repeat any; the next run picks up the
 * changed ones.
 */
class WindowingDuringChangesTest {

  private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

  @Test
  void missesAndRepeatsNoRecordWhenRecordsChangeDuringTheRead() {
    MutableClock sandboxTime = new MutableClock(NOW);
    try (NetSuiteSandbox sandbox =
        new NetSuiteSandbox(
                NetSuiteSandboxConfig.defaults()
                    .withVendors(300)
                    .withHistory(NOW, Duration.ofDays(30))
                    .withChanges(0.3, Duration.ofHours(1))
                    .withClock(sandboxTime))
            .start(0)) {
      NetSuiteVendorsRead step = new NetSuiteVendorsRead(NetSuiteTesting.clients(sandboxTime));
      TestStepContext first =
          new TestStepContext()
              .withConnection(sandbox.connection("netsuite"))
              .withClock(Clock.fixed(NOW, ZoneOffset.UTC));

      ReadResult during =
          step.run(
              new SuiteQlReadInput("netsuite", null, null, 20),
              new ClockMovingContext(first, sandboxTime, Duration.ofHours(1)));
      List<String> read =
          NetSuitePurchaseOrdersReadTest.ids(
              first.datasets().readAll(during.records(), JsonNode.class));
      TestStepContext next =
          new TestStepContext()
              .withConnection(sandbox.connection("netsuite"))
              .withClock(sandboxTime);
      ReadResult after =
          step.run(
              new SuiteQlReadInput("netsuite", Instant.parse(during.cursor()), null, null), next);

      assertThat(read).doesNotHaveDuplicates();
      Set<String> all = new HashSet<>(read);
      all.addAll(
          NetSuitePurchaseOrdersReadTest.ids(
              next.datasets().readAll(after.records(), JsonNode.class)));
      assertThat(all).hasSize(300);
      assertThat(first.logLines()).anyMatch(line -> line.contains("shrank"));
    }
  }

  /** Moves the sandbox's clock each time the step reports progress, that is after every page. */
  private record ClockMovingContext(
      TestStepContext delegate, MutableClock sandboxTime, Duration step) implements StepContext {

    @Override
    public void progress(long done, long total) {
      sandboxTime.advance(step);
      delegate.progress(done, total);
    }

    @Override
    public String tenantId() {
      return delegate.tenantId();
    }

    @Override
    public String runId() {
      return delegate.runId();
    }

    public String taskKey() {
      return "test-task";
    }

    @Override
    public Connection connection(String name) {
      return delegate.connection(name);
    }

    @Override
    public DatasetStore datasets() {
      return delegate.datasets();
    }

    @Override
    public StepLog log() {
      return delegate.log();
    }

    @Override
    public Clock clock() {
      return delegate.clock();
    }
  }
}
