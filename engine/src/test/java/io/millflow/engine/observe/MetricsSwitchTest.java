package io.millflow.engine.observe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code millflow.metrics.enabled=false}, the benchmark's baseline: every meter is a no-op. */
class MetricsSwitchTest {

  @Test
  void disabledMetricsRecordNothing() {
    MillflowMetrics off = new MillflowMetrics(false, false);
    off.runStarted("default", "flow-a");

    assertThat(off.registry().getMeters()).isEmpty();
    assertThat(off.registry().scrape()).doesNotContain("millflow_");
  }

  @Test
  void enabledMetricsCountARunStarted() {
    MillflowMetrics on = new MillflowMetrics(false, true);
    on.runStarted("default", "flow-a");

    assertThat(on.registry().scrape()).contains("millflow_runs_started_total{flow=\"flow-a\"} 1.0");
  }
}
