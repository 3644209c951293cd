package io.millflow.connector.idhammar;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Client-side pacing: a tenth of a minute's calls at once, then the rest spread over the minute.
 */
class IdhammarPacingTest {

  private final IdhammarPacing pacing = new IdhammarPacing();

  private static IdhammarConnectionSettings settings(String name, int perMinute) {
    return new IdhammarConnectionSettings(
        name, URI.create("http://127.0.0.1:1"), null, perMinute, Duration.ofSeconds(5), "t");
  }

  @Test
  void letsABurstThroughThenMakesTheNextCallWaitItsTurn() {
    pacing.acquire(settings("warm-up", 60)); // loads the bucket classes outside the measurement
    IdhammarConnectionSettings settings = settings("oee", 60);
    long started = System.nanoTime();
    for (int call = 0; call < 6; call++) {
      pacing.acquire(settings);
    }
    long burst = System.nanoTime() - started;
    pacing.acquire(settings);
    long seventh = System.nanoTime() - started - burst;

    // 60 a minute: a burst of 6, then one a second
    assertThat(Duration.ofNanos(burst)).isLessThan(Duration.ofMillis(500));
    assertThat(Duration.ofNanos(seventh)).isGreaterThan(Duration.ofMillis(400));
  }

  @Test
  void pacesEachConnectionOnItsOwnAndNotAtAllWhenTurnedOff() {
    for (int call = 0; call < 6; call++) {
      pacing.acquire(settings("a", 60));
    }
    long started = System.nanoTime();
    pacing.acquire(settings("b", 60));
    for (int call = 0; call < 1_000; call++) {
      pacing.acquire(settings("off", 0));
    }

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
  }
}
