package io.millflow.sandbox;

import io.millflow.step.sandbox.SandboxFaults;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * What a sandbox does wrong on purpose, decided per API call in this order: a full outage window
 * (503 to everything), planned faults in the order they were planned ({@code failNext(2, 503)}), a
 * random error rate, then an added latency. Revoked credentials are a state the system's own auth
 * check reads, so it answers in the system's words.
 *
 * <p>Random failures come from a seeded generator, so a test that sets a rate sees the same calls
 * fail each run. Every setting is also reachable over HTTP at {@link FaultsEndpoint#PATH}. The
 * runtime and its tests reach the common ones through the Sandbox SPI's {@link SandboxFaults}.
 */
public final class Faults implements SandboxFaults {

  /** What one call gets instead of its normal answer. */
  public sealed interface Fault permits Failure, Delay {}

  /**
   * An error answer in the system's error shape.
   *
   * @param code the system's error code; null picks its usual code of the status
   * @param retryAfter sent as {@code Retry-After}; null sends none
   */
  public record Failure(int status, String code, Duration retryAfter) implements Fault {

    public Failure {
      if (status < 400 || status > 599) {
        throw new IllegalArgumentException(
            "A failure needs an HTTP error status (400..599), not " + status);
      }
    }
  }

  /**
   * The normal answer, but only after {@code delay}: longer than the client's timeout, it is a
   * timeout.
   */
  public record Delay(Duration delay) implements Fault {}

  /** A fault and how many more calls it applies to. */
  public record Planned(Fault fault, int remaining) {}

  /** Everything set now, as the admin endpoint shows it. */
  public record State(
      List<Planned> planned,
      double errorRate,
      int errorStatus,
      Duration latency,
      Instant outageUntil,
      boolean credentialsRevoked) {}

  private final Clock clock;
  private final Random random;
  private final Deque<Planned> planned = new ArrayDeque<>();
  private double errorRate;
  private int errorStatus = 503;
  private Duration latency = Duration.ZERO;
  private Instant outageUntil;
  private boolean credentialsRevoked;

  public Faults() {
    this(Clock.systemUTC(), 42);
  }

  public Faults(Clock clock, long seed) {
    this.clock = clock;
    this.random = new Random(seed);
  }

  /**
   * Answers the next {@code times} calls with {@code status} (500, 503, 401, ...) in the system's
   * error shape.
   */
  @Override
  public Faults failNext(int times, int status) {
    return plan(times, new Failure(status, null, null));
  }

  /** Answers the next {@code times} calls with {@code status} and a {@code Retry-After} header. */
  public Faults failNext(int times, int status, Duration retryAfter) {
    return plan(times, new Failure(status, null, retryAfter));
  }

  /** Answers the next {@code times} calls with 429 and {@code Retry-After}. */
  public Faults rateLimitNext(int times, Duration retryAfter) {
    return plan(times, new Failure(429, null, retryAfter));
  }

  /** Delays the next {@code times} calls by {@code delay} before answering normally. */
  public Faults delayNext(int times, Duration delay) {
    return plan(times, new Delay(delay));
  }

  public synchronized Faults plan(int times, Fault fault) {
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1, not " + times);
    }
    planned.addLast(new Planned(fault, times));
    return this;
  }

  /** Fails this fraction of calls (0 to 1) at random with {@code status}; 0 stops it. */
  public synchronized Faults errorRate(double rate, int status) {
    if (rate < 0 || rate > 1) {
      throw new IllegalArgumentException("errorRate must be between 0 and 1, not " + rate);
    }
    new Failure(status, null, null); // checks the status
    this.errorRate = rate;
    this.errorStatus = status;
    return this;
  }

  /** Adds {@code latency} to every call; zero stops it. */
  @Override
  public synchronized Faults latency(Duration latency) {
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency cannot be negative");
    }
    this.latency = latency;
    return this;
  }

  /** Answers every call with 503 for {@code length} from now, as a system down for maintenance. */
  @Override
  public synchronized Faults outage(Duration length) {
    this.outageUntil = clock.instant().plus(length);
    return this;
  }

  /**
   * From now on every credential is refused (as after a password change or a revoked token) until
   * restored.
   */
  @Override
  public synchronized Faults revokeCredentials(boolean revoked) {
    this.credentialsRevoked = revoked;
    return this;
  }

  public synchronized boolean credentialsRevoked() {
    return credentialsRevoked;
  }

  /**
   * Plans nothing any more: no planned faults, no error rate, no latency, no outage, credentials
   * valid.
   */
  @Override
  public synchronized void clear() {
    planned.clear();
    errorRate = 0;
    errorStatus = 503;
    latency = Duration.ZERO;
    outageUntil = null;
    credentialsRevoked = false;
  }

  public synchronized List<Planned> pending() {
    return List.copyOf(planned);
  }

  public synchronized State state() {
    Instant outage =
        outageUntil != null && clock.instant().isBefore(outageUntil) ? outageUntil : null;
    return new State(
        List.copyOf(planned), errorRate, errorStatus, latency, outage, credentialsRevoked);
  }

  /** The latency every call gets on top of any fault. */
  synchronized Duration latency() {
    return latency;
  }

  /** Takes the fault for the call now being served, if any. */
  synchronized Optional<Fault> next() {
    if (outageUntil != null && clock.instant().isBefore(outageUntil)) {
      Duration left = Duration.between(clock.instant(), outageUntil);
      return Optional.of(new Failure(503, null, left));
    }
    Planned head = planned.pollFirst();
    if (head != null) {
      if (head.remaining() > 1) {
        planned.addFirst(new Planned(head.fault(), head.remaining() - 1));
      }
      return Optional.of(head.fault());
    }
    if (errorRate > 0 && random.nextDouble() < errorRate) {
      return Optional.of(new Failure(errorStatus, null, null));
    }
    return Optional.empty();
  }
}
