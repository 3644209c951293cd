package io.millflow.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));

  @Test
  void doublesPerAttemptWithAtMostAQuarterOfJitter() {
    assertThat(backoff.after(1)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(1250));
    assertThat(backoff.after(2)).isBetween(Duration.ofMillis(2000), Duration.ofMillis(2500));
    assertThat(backoff.after(3)).isBetween(Duration.ofMillis(4000), Duration.ofMillis(5000));
  }

  @Test
  void neverWaitsLongerThanTheCap() {
    assertThat(backoff.after(12)).isEqualTo(Duration.ofSeconds(30));
    assertThat(backoff.after(100)).isEqualTo(Duration.ofSeconds(30));
  }
}
