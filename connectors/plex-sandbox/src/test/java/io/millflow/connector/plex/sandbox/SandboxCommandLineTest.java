package io.millflow.connector.plex.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.sandbox.Faults;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The standalone sandbox's options. */
class SandboxCommandLineTest {

  @Test
  void readsTheOptionsIntoTheConfig() {
    SandboxCommandLine line =
        SandboxCommandLine.parse(
            "--port=9000",
            "--purchase-orders=10000",
            "--api-key=abc",
            "--rate-limit=0",
            "--seed=3",
            "--parts=70",
            "--equipment=9");

    assertThat(line.address().getPort()).isEqualTo(9000);
    assertThat(line.config().purchaseOrders()).isEqualTo(10_000);
    assertThat(line.config().apiKey()).isEqualTo("abc");
    assertThat(line.config().rateLimitPerMinute()).isZero();
    assertThat(line.config().seed()).isEqualTo(3);
    assertThat(line.config().volumes())
        .isEqualTo(new PlexSandboxConfig.Volumes(40, 70, 200, 100, 9));
  }

  @Test
  void setsTheErrorRateAndLatencyOnTheSandboxsFaults() {
    SandboxCommandLine line = SandboxCommandLine.parse("--error-rate=0.25", "--latency-ms=150");
    Faults faults = new Faults();

    line.applyFaults(faults);

    assertThat(faults.state().errorRate()).isEqualTo(0.25);
    assertThat(faults.state().errorStatus()).isEqualTo(503);
    assertThat(faults.state().latency()).isEqualTo(Duration.ofMillis(150));
  }

  @Test
  void startsWithTheDefaultsWhenGivenNothing() {
    SandboxCommandLine line = SandboxCommandLine.parse();

    assertThat(line.address().getPort()).isEqualTo(8089);
    assertThat(line.config()).isEqualTo(PlexSandboxConfig.defaults());
  }

  @Test
  void namesTheOptionsWhenGivenAnUnknownOne() {
    assertThatThrownBy(() -> SandboxCommandLine.parse("--purchaseOrders=5"))
        .hasMessageContaining("purchase-orders");
  }
}
