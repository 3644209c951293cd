package io.millflow.connector.plex;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.connector.plex.sandbox.PlexSandbox;
import io.millflow.connector.plex.sandbox.PlexSandboxConfig;
import io.millflow.sandbox.Faults;
import io.millflow.step.ReauthRequiredException;
import io.millflow.step.RetryableStepException;
import io.millflow.step.StepException;
import io.millflow.step.StepFailure;
import io.millflow.step.testing.TestStepContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowingConsumer;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fault the sandbox can inject, through the read steps, ends as the exception class the
 * engine expects.
 */
class InjectedFaultsTest {

  @RegisterExtension
  static final PlexSandboxExtension PLEX =
      new PlexSandboxExtension(
          PlexSandboxConfig.defaults().withPurchaseOrders(20).withoutRateLimit());

  private final PlexSandbox sandbox = PLEX.sandbox();
  private final TestStepContext context =
      new TestStepContext()
          .withConnection(
              PlexConnections.to(
                  sandbox, "plex", sandbox.config().apiKey(), Map.of("timeoutSeconds", "1")));

  static Stream<Arguments> faults() {
    return Stream.of(
        fault("a 503", faults -> faults.failNext(1, 503), RetryableStepException.class, e -> {}),
        fault("a 500", faults -> faults.failNext(1, 500), RetryableStepException.class, e -> {}),
        fault(
            "a 429 with Retry-After",
            faults -> faults.rateLimitNext(1, Duration.ofSeconds(30)),
            RetryableStepException.class,
            e -> retriesAfter(e, Duration.ofSeconds(30))),
        fault(
            "a used-up quota (403)",
            faults -> faults.plan(1, PlexSandbox.quotaExceeded(Duration.ofSeconds(60))),
            RetryableStepException.class,
            e -> retriesAfter(e, Duration.ofSeconds(60))),
        fault(
            "an outage",
            faults -> faults.outage(Duration.ofSeconds(90)),
            RetryableStepException.class,
            e -> ((RetryableStepException) e).retryAfter().orElseThrow()),
        fault(
            "an error rate of 100%",
            faults -> faults.errorRate(1.0, 502), RetryableStepException.class, e -> {}),
        fault(
            "a delay past the timeout",
            faults -> faults.delayNext(1, Duration.ofSeconds(3)),
            RetryableStepException.class,
            e -> {}),
        fault(
            "revoked credentials",
            faults -> faults.revokeCredentials(true),
            ReauthRequiredException.class,
            e -> {}),
        fault("a 401", faults -> faults.failNext(1, 401), ReauthRequiredException.class, e -> {}),
        fault(
            "a 403 that is no quota",
            faults -> faults.failNext(1, 403),
            ReauthRequiredException.class,
            e -> {}),
        fault(
            "a 400",
            faults -> faults.failNext(1, 400),
            StepFailure.class,
            e -> code(e, "PLEX_BAD_REQUEST")),
        fault(
            "a 404 of a list",
            faults -> faults.failNext(1, 404),
            StepFailure.class,
            e -> code(e, "PLEX_NOT_FOUND")));
  }

  @ParameterizedTest(name = "purchase orders: {0}")
  @MethodSource("faults")
  void purchaseOrderReadTurnsTheFaultIntoTheRightException(
      String name,
      Consumer<Faults> plan,
      Class<? extends StepException> expected,
      ThrowingConsumer<StepException> check) {
    plan.accept(sandbox.faults());

    assertThatThrownBy(
            () ->
                new PlexPurchaseOrdersRead()
                    .run(
                        new PlexPurchaseOrdersRead.Input(
                            "plex",
                            PlexSandboxConfig.defaults().dataStart(),
                            PlexSandboxConfig.DEFAULT_DATA_END,
                            366,
                            null,
                            true),
                        context))
        .isInstanceOf(expected)
        .satisfies(e -> check.accept((StepException) e));
  }

  @ParameterizedTest(name = "records: {0}")
  @MethodSource("faults")
  void recordsReadTurnsTheFaultIntoTheRightException(
      String name,
      Consumer<Faults> plan,
      Class<? extends StepException> expected,
      ThrowingConsumer<StepException> check) {
    plan.accept(sandbox.faults());

    assertThatThrownBy(
            () ->
                new PlexRecordsRead()
                    .run(new PlexRecordsRead.Input("plex", "parts", Instant.EPOCH, null), context))
        .isInstanceOf(expected)
        .satisfies(e -> check.accept((StepException) e));
  }

  private static Arguments fault(
      String name,
      Consumer<Faults> plan,
      Class<? extends StepException> expected,
      ThrowingConsumer<StepException> check) {
    return Arguments.of(name, plan, expected, check);
  }

  private static void retriesAfter(StepException e, Duration wait) {
    org.assertj.core.api.Assertions.assertThat(((RetryableStepException) e).retryAfter())
        .hasValue(wait);
  }

  private static void code(StepException e, String code) {
    org.assertj.core.api.Assertions.assertThat(((StepFailure) e).code()).isEqualTo(code);
  }
}
