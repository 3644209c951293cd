package io.millflow.step.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One HTTP call that gives up after a deadline, timed on one scheduler shared by all calls rather
 * than by a per-request timeout ({@link HttpRequest.Builder#timeout}): the JDK client registers
 * such a timeout with its selector thread and wakes that thread to do so, on every call, which a
 * profile of the write steps showed as a cost the bare loop does not have. The call is sent
 * synchronously (the JDK then runs it on the calling thread until it must wait); past the deadline
 * the scheduler interrupts the caller, which cancels the exchange, and the call fails with {@link
 * HttpTimeoutException}, as with a request timeout, so callers keep their error model. Scheduling a
 * deadline later than those pending wakes nobody.
 */
public final class CallDeadline {

  private static final ScheduledThreadPoolExecutor DEADLINES = deadlines();

  private CallDeadline() {}

  /**
   * {@code request}'s answer, or {@link HttpTimeoutException} when none came within {@code
   * timeout}; other failures as {@link HttpClient#send} throws them.
   */
  public static <T> HttpResponse<T> send(
      HttpClient http, HttpRequest request, HttpResponse.BodyHandler<T> handler, Duration timeout)
      throws IOException, InterruptedException {
    Alarm alarm = new Alarm(Thread.currentThread());
    ScheduledFuture<?> scheduled =
        DEADLINES.schedule(alarm, timeout.toNanos(), TimeUnit.NANOSECONDS);
    try {
      return http.send(request, handler);
    } catch (InterruptedException | IOException e) {
      if (alarm.rang()) {
        HttpTimeoutException timedOut =
            new HttpTimeoutException("request timed out after " + timeout.toMillis() + " ms");
        timedOut.initCause(e);
        throw timedOut;
      }
      throw e;
    } finally {
      if (alarm.disarm()) {
        scheduled.cancel(false);
      } else {
        alarm.clearInterrupt();
      }
    }
  }

  private static ScheduledThreadPoolExecutor deadlines() {
    ScheduledThreadPoolExecutor deadlines =
        new ScheduledThreadPoolExecutor(
            1, Thread.ofPlatform().name("millflow-http-deadlines").daemon().factory());
    deadlines.setRemoveOnCancelPolicy(true);
    return deadlines;
  }

  /**
   * Interrupts the calling thread when the deadline passes, unless disarmed first; the caller
   * clears an interrupt that came after its answer.
   */
  private static final class Alarm extends AtomicInteger implements Runnable {

    private static final int ARMED = 0;
    private static final int RINGING = 1;
    private static final int RANG = 2;
    private static final int DISARMED = 3;

    private final transient Thread caller;

    Alarm(Thread caller) {
      super(ARMED);
      this.caller = caller;
    }

    @Override
    public void run() {
      if (compareAndSet(ARMED, RINGING)) {
        caller.interrupt();
        set(RANG);
      }
    }

    boolean rang() {
      int state = get();
      return state == RINGING || state == RANG;
    }

    /** True when the alarm had not rung, and now never will. */
    boolean disarm() {
      return compareAndSet(ARMED, DISARMED);
    }

    /** Waits for the ringing to end, then clears the interrupt it set. */
    void clearInterrupt() {
      while (get() == RINGING) {
        Thread.onSpinWait();
      }
      Thread.interrupted();
    }
  }
}
