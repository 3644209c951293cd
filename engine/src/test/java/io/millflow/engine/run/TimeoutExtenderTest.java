package io.millflow.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeoutExtenderTest {

  @Test
  void anAttemptThatEndedLeavesNothingInTheScheduler() {
    try (TimeoutExtender extender = new TimeoutExtender()) {
      for (int i = 0; i < 1_000; i++) {
        JobStepContext context =
            new JobStepContext(
                "tenant",
                UUID.randomUUID(),
                UUID.randomUUID(),
                "task-" + i,
                null,
                null,
                null,
                Clock.systemUTC(),
                null,
                null);
        try (TimeoutExtender.Watch watch =
            extender.watch(duration -> {}, Duration.ofMinutes(15), context)) {
          assertThat(extender.watching()).isEqualTo(1);
        }
      }

      assertThat(extender.watching()).isZero();
    }
  }
}
