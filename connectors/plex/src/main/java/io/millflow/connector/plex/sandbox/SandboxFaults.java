package io.millflow.connector.plex.sandbox;

import io.millflow.connector.plex.PlexGuesses;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Failures the sandbox plays on its next API calls, in the order they were planned:
 * {@code sandbox.faults().failNext(2, 503)} answers the next two calls with 503. The same is reachable over HTTP at
 * {@code POST /_sandbox/faults}. Faults come before the key check, as a failing gateway answers whatever the key.
 */
public final class SandboxFaults {

  /** What one call gets instead of its normal answer. */
  public sealed interface Fault permits Failure, Delay {}

  /**
   * An error answer in Plex's error shape.
   *
   * @param code the body's code; null picks the usual code of the status
   * @param retryAfter sent as {@code Retry-After} in whole seconds; null sends none
   */
  public record Failure(int status, String code, Duration retryAfter) implements Fault {}

  /** The normal answer, but only after {@code delay}: for client timeouts. */
  public record Delay(Duration delay) implements Fault {}

  /** A fault and how many more calls it applies to. */
  public record Planned(Fault fault, int remaining) {}

  private final Deque<Planned> planned = new ArrayDeque<>();

  /** Answers the next {@code times} calls with {@code status} (500, 503, 401, ...) in Plex's error shape. */
  public SandboxFaults failNext(int times, int status) {
    return plan(times, new Failure(status, null, null));
  }

  /** Answers the next {@code times} calls with {@code status} and a {@code Retry-After} header. */
  public SandboxFaults failNext(int times, int status, Duration retryAfter) {
    return plan(times, new Failure(status, null, retryAfter));
  }

  /** Answers the next {@code times} calls with 429 (usage limiting) and {@code Retry-After}. */
  public SandboxFaults rateLimitNext(int times, Duration retryAfter) {
    return plan(times, new Failure(429, PlexGuesses.RATE_LIMITED_CODE, retryAfter));
  }

  /** Answers the next {@code times} calls with 403 for a used-up usage quota, and {@code Retry-After}. */
  public SandboxFaults quotaExceededNext(int times, Duration retryAfter) {
    return plan(times, new Failure(403, PlexGuesses.QUOTA_EXCEEDED_CODE, retryAfter));
  }

  /** Delays the next {@code times} calls by {@code delay} before answering normally. */
  public SandboxFaults delayNext(int times, Duration delay) {
    return plan(times, new Delay(delay));
  }

  public synchronized SandboxFaults plan(int times, Fault fault) {
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1");
    }
    if (fault instanceof Failure failure && (failure.status() < 400 || failure.status() > 599)) {
      throw new IllegalArgumentException("A failure needs an HTTP error status (400..599), not " + failure.status());
    }
    planned.addLast(new Planned(fault, times));
    return this;
  }

  public synchronized void clear() {
    planned.clear();
  }

  public synchronized List<Planned> pending() {
    return List.copyOf(planned);
  }

  /** Takes the fault for the call now being served, if any is planned. */
  synchronized Optional<Fault> next() {
    Planned head = planned.pollFirst();
    if (head == null) {
      return Optional.empty();
    }
    if (head.remaining() > 1) {
      planned.addFirst(new Planned(head.fault(), head.remaining() - 1));
    }
    return Optional.of(head.fault());
  }
}
