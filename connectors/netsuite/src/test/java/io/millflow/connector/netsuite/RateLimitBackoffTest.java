package io.millflow.connector.netsuite;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.connector.netsuite.sandbox.NetSuiteSandbox;
import io.millflow.connector.netsuite.sandbox.NetSuiteSandboxConfig;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A 429 is waited out for its Retry-After and tried again, in both auth modes: the M2M token
 * request as much as the API calls that carry a token or a TBA signature.
 */
class RateLimitBackoffTest {

  private static final String PROBE = NetSuiteConnectionTester.PROBE;
  private static final Duration RETRY_AFTER = Duration.ofSeconds(1);
  private NetSuiteSandbox sandbox;

  @BeforeEach
  void start() {
    sandbox = new NetSuiteSandbox(NetSuiteSandboxConfig.defaults().withPurchaseOrders(3)).start(0);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void theTokenRequestWaitsOutA429ForItsRetryAfterAndGetsItsToken() {
    NetSuiteClient m2m = NetSuiteTesting.client(sandbox.connection("netsuite"));
    sandbox.faults().rateLimitNext(2, RETRY_AFTER); // the first two calls are token requests
    long started = System.nanoTime();

    assertThat(m2m.suiteQl(PROBE, 1, 0).items()).hasSize(1);

    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(RETRY_AFTER.multipliedBy(2));
    assertThat(sandbox.tokensIssued()).isEqualTo(1);
    assertThat(sandbox.apiCalls())
        .isEqualTo(4); // two refused token requests, one issued, one query
  }

  @Test
  void aTbaCallWaitsOutA429ForItsRetryAfter() {
    NetSuiteClient tba = NetSuiteTesting.client(sandbox.tbaConnection("netsuite"));
    sandbox.faults().rateLimitNext(2, RETRY_AFTER);
    long started = System.nanoTime();

    assertThat(tba.suiteQl(PROBE, 1, 0).items()).hasSize(1);

    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(RETRY_AFTER.multipliedBy(2));
    assertThat(sandbox.tokensIssued()).isZero();
    assertThat(sandbox.apiCalls()).isEqualTo(3);
  }

  @Test
  void anM2mApiCallWaitsOutA429ForItsRetryAfterWithTheTokenItHas() {
    NetSuiteClient m2m = NetSuiteTesting.client(sandbox.connection("netsuite"));
    m2m.suiteQl(PROBE, 1, 0); // the token
    sandbox.faults().failNext(1, 429, RETRY_AFTER);
    long started = System.nanoTime();

    assertThat(m2m.suiteQl(PROBE, 1, 0).items()).hasSize(1);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(RETRY_AFTER);
    assertThat(sandbox.tokensIssued()).isEqualTo(1);
  }
}
