package io.millflow.engine.it;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Bounded polling for the multi-process tests: fails with what it last saw and the processes' logs.
 */
final class Await {

  interface Probe<T> {
    T get() throws Exception;
  }

  private Await() {}

  static <T> T until(
      String what, Duration timeout, Probe<T> probe, Predicate<T> done, Supplier<String> logs)
      throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    T last = null;
    Throwable lastError = null;
    while (Instant.now().isBefore(deadline)) {
      try {
        last = probe.get();
        lastError = null;
        if (done.test(last)) {
          return last;
        }
      } catch (Exception | AssertionError e) {
        lastError =
            e; // a process that is starting, recovering or dying answers nothing, or 500, for a
        // moment
      }
      Thread.sleep(250);
    }
    AssertionError failure =
        new AssertionError(
            "Not within "
                + timeout.toSeconds()
                + " s: "
                + what
                + "; last seen: "
                + last
                + (lastError == null ? "" : "; last error: " + lastError)
                + "\n"
                + logs.get());
    if (lastError != null) {
      failure.initCause(lastError);
    }
    throw failure;
  }
}
