package io.millflow.connector.netsuite.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.connector.netsuite.protocol.PemKeys;
import io.millflow.sandbox.Faults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxCommandLineTest {

  @Test
  void readsItsOptionsAndPrintsTheUrlAndCredentialsOnOneLineWithThePathOfPrivatePem(
      @TempDir Path dir) {
    SandboxCommandLine commandLine =
        SandboxCommandLine.parse(
            "--port=0", "--purchase-orders=200000", "--result-ceiling=500", "--key-dir=" + dir);

    try (NetSuiteSandbox sandbox =
        new NetSuiteSandbox(commandLine.config()).start(commandLine.port())) {
      String line = commandLine.describe(sandbox);

      assertThat(commandLine.config().purchaseOrders()).isEqualTo(200_000);
      assertThat(commandLine.config().resultCeiling()).isEqualTo(500);
      assertThat(line)
          .doesNotContain("\n")
          .contains(
              sandbox.baseUrl(),
              "clientId=",
              "certificateId=",
              "privateKey=" + dir.resolve("private.pem"),
              "consumerKey=",
              "tokenSecret=");
      assertThat(PemKeys.privateKey("cli", readString(dir.resolve("private.pem")))).isNotNull();
    }
  }

  @Test
  void setsFaultsGivenOnTheCommandLine() {
    Faults faults = new Faults();

    SandboxCommandLine.parse("--error-rate=0.25", "--error-status=500", "--latency-ms=20")
        .applyFaults(faults);

    assertThat(faults.state().errorRate()).isEqualTo(0.25);
    assertThat(faults.state().errorStatus()).isEqualTo(500);
    assertThat(faults.state().latency()).isEqualTo(Duration.ofMillis(20));
  }

  @Test
  void refusesAnUnknownOption() {
    assertThatThrownBy(() -> SandboxCommandLine.parse("--colour=blue"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("purchase-orders");
  }

  private static String readString(Path path) {
    try {
      return Files.readString(path);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
