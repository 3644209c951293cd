package io.millflow.connector.netsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.connector.netsuite.sandbox.NetSuiteSandbox;
import io.millflow.connector.netsuite.sandbox.NetSuiteSandboxConfig;
import io.millflow.step.ReauthRequiredException;
import io.millflow.step.RetryableStepException;
import io.millflow.step.StepFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each fault the sandbox injects becomes the step error the engine expects, over real HTTP. */
class NetSuiteFaultsTest {

  private static final String PROBE = NetSuiteConnectionTester.PROBE;
  private NetSuiteSandbox sandbox;
  private NetSuiteClient client;

  @BeforeEach
  void start() {
    sandbox =
        new NetSuiteSandbox(
                NetSuiteSandboxConfig.defaults().withPurchaseOrders(30).withConcurrencyLimit(2))
            .start(0);
    client = NetSuiteTesting.client(sandbox.tbaConnection("netsuite"));
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void aServerErrorIsRetryableAndNamesTheRequest() {
    sandbox.faults().failNext(1, 503);

    assertThatThrownBy(() -> client.suiteQl(PROBE, 1, 0))
        .isInstanceOfSatisfying(
            RetryableStepException.class,
            e ->
                assertThat(e.getMessage())
                    .contains("503", "/services/rest/query/v1/suiteql", "request "));
  }

  @Test
  void anOutageIsRetryableWithItsRetryAfter() {
    sandbox.faults().outage(Duration.ofSeconds(30));

    assertThatThrownBy(() -> client.suiteQl(PROBE, 1, 0))
        .isInstanceOfSatisfying(
            RetryableStepException.class,
            e ->
                assertThat(e.retryAfter())
                    .hasValueSatisfying(wait -> assertThat(wait).isPositive()));
  }

  @Test
  void backsOffFromTheConcurrencyLimitAndSucceeds() {
    sandbox.faults().failNext(2, 429);

    assertThat(client.suiteQl(PROBE, 1, 0).items()).hasSize(1);
    assertThat(sandbox.apiCalls()).isEqualTo(3);
  }

  @Test
  void givesUpOnTheConcurrencyLimitWithARetryableError() {
    sandbox
        .faults()
        .rateLimitNext(HttpNetSuiteClient.CONCURRENCY_RETRIES + 1, Duration.ofMillis(1));

    assertThatThrownBy(() -> client.suiteQl(PROBE, 1, 0))
        .isInstanceOfSatisfying(
            RetryableStepException.class,
            e ->
                assertThat(e.getMessage())
                    .contains("CONCURRENCY_LIMIT_EXCEEDED", "maxConcurrency"));
  }

  @Test
  void boundsRequestsInFlightToTheConnectionsMaximumSoTheAccountNeverRefusesOne() throws Exception {
    sandbox.faults().latency(Duration.ofMillis(100));
    NetSuiteClient bounded =
        NetSuiteTesting.client(
            NetSuiteTesting.with(
                sandbox.tbaConnection("netsuite"), Map.of("maxConcurrency", "2"), Map.of()));

    try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        calls.add(threads.submit(() -> bounded.suiteQl(PROBE, 1, 0)));
      }
      for (Future<?> call : calls) {
        call.get();
      }
    }

    assertThat(sandbox.concurrencyRefusals()).isZero();
    assertThat(sandbox.apiCalls()).isEqualTo(8);
  }

  @Test
  void aCallThatTakesLongerThanTheTimeoutIsRetryable() {
    NetSuiteClient impatient =
        NetSuiteTesting.client(
            NetSuiteTesting.with(
                sandbox.tbaConnection("netsuite"), Map.of("timeoutSeconds", "1"), Map.of()));
    sandbox.faults().delayNext(1, Duration.ofMillis(2_500));

    assertThatThrownBy(() -> impatient.suiteQl(PROBE, 1, 0))
        .isInstanceOfSatisfying(
            RetryableStepException.class, e -> assertThat(e.getMessage()).contains("within 1 s"));
  }

  @Test
  void aMissingPermissionAsksForTheRoleToBeFixed() {
    try (NetSuiteSandbox denied =
        new NetSuiteSandbox(NetSuiteSandboxConfig.defaults().withoutPermission("purchaseOrder"))
            .start(0)) {
      NetSuiteClient deniedClient = NetSuiteTesting.client(denied.tbaConnection("netsuite"));

      assertThatThrownBy(() -> deniedClient.suiteQl(PROBE, 1, 0))
          .isInstanceOfSatisfying(
              ReauthRequiredException.class,
              e -> assertThat(e.getMessage()).contains("INSUFFICIENT_PERMISSION", "role"));
    }
  }

  @Test
  void aQueryOutsideTheSandboxsGrammarIsAStepFailureInNetSuitesWords() {
    assertThatThrownBy(() -> client.suiteQl("SELECT id FROM transaction WHERE id LIKE '1%'", 1, 0))
        .isInstanceOfSatisfying(
            StepFailure.class,
            e -> {
              assertThat(e.code()).isEqualTo("NETSUITE_BAD_REQUEST");
              assertThat(e.getMessage()).contains("USER_ERROR", "Invalid search query");
            });
  }

  @Test
  void anUnknownRecordIsAStepFailureThatSaysWhatToCheck() {
    assertThatThrownBy(() -> client.record("purchaseOrder", "99999999", true))
        .isInstanceOfSatisfying(
            StepFailure.class,
            e -> {
              assertThat(e.code()).isEqualTo("NETSUITE_NOT_FOUND");
              assertThat(e.getMessage()).contains("NONEXISTENT_ID", "record type and id");
            });
  }
}
