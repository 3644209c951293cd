package io.millflow.connector.idhammar.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The standalone sandbox's options. */
class SandboxCommandLineTest {

  @Test
  void readsTheOptionsIntoTheConfig() {
    SandboxCommandLine line =
        SandboxCommandLine.parse(
            "--port=9001",
            "--downtime-events=1000000",
            "--api-token=abc",
            "--rate-limit=0",
            "--webhook-url=http://127.0.0.1:8080/webhooks/oee",
            "--webhook-secret=s3",
            "--webhook-interval-ms=250");

    assertThat(line.address().getPort()).isEqualTo(9001);
    assertThat(line.config().downtimeEvents()).isEqualTo(1_000_000);
    assertThat(line.config().apiToken()).isEqualTo("abc");
    assertThat(line.config().rateLimitPerMinute()).isZero();
    assertThat(line.config().webhook().url()).hasToString("http://127.0.0.1:8080/webhooks/oee");
    assertThat(line.config().webhook().secret()).isEqualTo("s3");
    assertThat(line.config().webhook().interval()).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void setsTheFaultsAskedForFromTheStart() {
    io.millflow.sandbox.Faults faults = new io.millflow.sandbox.Faults();

    SandboxCommandLine.parse("--error-rate=0.25", "--error-status=500", "--latency-ms=150")
        .applyFaults(faults);

    assertThat(faults.state().errorRate()).isEqualTo(0.25);
    assertThat(faults.state().errorStatus()).isEqualTo(500);
    assertThat(faults.state().latency()).isEqualTo(Duration.ofMillis(150));
  }

  @Test
  void startsWithTheDefaultsAndNoWebhookWhenGivenNothing() {
    SandboxCommandLine line = SandboxCommandLine.parse();

    assertThat(line.address().getPort()).isEqualTo(8091);
    assertThat(line.config().downtimeEvents()).isEqualTo(10_000);
    assertThat(line.config().webhook()).isNull();
  }

  @Test
  void refusesAWebhookUrlWithoutASecretAndNamesUnknownOptions() {
    assertThatThrownBy(() -> SandboxCommandLine.parse("--webhook-url=http://x/y"))
        .hasMessageContaining("together");
    assertThatThrownBy(() -> SandboxCommandLine.parse("--downtimeEvents=5"))
        .hasMessageContaining("downtime-events");
  }
}
