package io.millflow.sandbox;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import io.millflow.sandbox.Faults.Delay;
import io.millflow.sandbox.Faults.Failure;
import io.millflow.sandbox.Faults.Fault;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The first filter of every API call: counts it, then plays the fault {@link Faults} picks for it.
 * Faults come before any auth check, as a failing gateway answers whatever the credentials.
 */
public final class FaultFilter extends Filter {

  private final Faults faults;
  private final ErrorShape errors;
  private final AtomicLong calls = new AtomicLong();

  public FaultFilter(Faults faults, ErrorShape errors) {
    this.faults = faults;
    this.errors = errors;
  }

  /** API calls received, including failed and rejected ones. */
  public long calls() {
    return calls.get();
  }

  @Override
  public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
    calls.incrementAndGet();
    sleep(faults.latency());
    Optional<Fault> fault = faults.next();
    if (fault.isPresent()) {
      switch (fault.get()) {
        case Failure failure -> {
          errors.write(exchange, failure.status(), failure.code(), null, failure.retryAfter());
          return;
        }
        case Delay delay -> sleep(delay.delay());
      }
    }
    chain.doFilter(exchange);
  }

  @Override
  public String description() {
    return "planned faults, error rate, latency and outages";
  }

  private static void sleep(Duration delay) {
    if (delay.isZero()) {
      return;
    }
    try {
      Thread.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
