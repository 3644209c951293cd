package io.millflow.engine.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.engine.flow.Schedule.Kind;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class TimerScheduleTest {

  private static final Instant DEPLOYED = Instant.parse("2026-11-24T08:00:00Z");
  private static final Instant NOW = Instant.parse("2026-11-24T10:20:00Z");

  @Test
  void tellsCyclesCronDatesAndExpressionsApart() {
    assertThat(TimerSchedule.kindOf("R/PT1H", true)).isEqualTo(Kind.CYCLE);
    assertThat(TimerSchedule.kindOf("0 0 2 * * *", true)).isEqualTo(Kind.CRON);
    assertThat(TimerSchedule.kindOf("2026-12-01T00:00:00Z", false)).isEqualTo(Kind.DATE);
    assertThat(TimerSchedule.kindOf(" =schedule", true)).isEqualTo(Kind.EXPRESSION);
  }

  @Test
  void walksAnOpenCycleFromTheDeploymentToTheFirstFireAfterNow() {
    assertThat(TimerSchedule.nextFire(Kind.CYCLE, "R/PT1H", DEPLOYED, NOW))
        .contains(Instant.parse("2026-11-24T11:00:00Z"));
  }

  @Test
  void aCycleWithItsOwnStartFiresFromThatStart() {
    assertThat(TimerSchedule.nextFire(Kind.CYCLE, "R/2026-11-24T10:05:00Z/PT30M", DEPLOYED, NOW))
        .contains(Instant.parse("2026-11-24T10:35:00Z"));
  }

  @Test
  void aCycleWhoseRepetitionsAreUsedUpNeverFiresAgain() {
    assertThat(TimerSchedule.nextFire(Kind.CYCLE, "R2/PT1H", DEPLOYED, NOW)).isEmpty();
    assertThat(TimerSchedule.nextFire(Kind.CYCLE, "R3/PT1H", DEPLOYED, NOW))
        .contains(Instant.parse("2026-11-24T11:00:00Z"));
  }

  @Test
  void cronFiresAtItsNextMatchingSecondInTheRuntimesZone() {
    Instant next = TimerSchedule.nextFire(Kind.CRON, "0 0 2 * * *", DEPLOYED, NOW).orElseThrow();

    ZonedDateTime local = next.atZone(ZoneId.systemDefault());
    assertThat(local.getHour()).isEqualTo(2);
    assertThat(local.getMinute()).isZero();
    assertThat(next).isAfter(NOW).isBefore(NOW.plusSeconds(24 * 3600 + 1));
  }

  @Test
  void aDateFiresOnceAndThenNoMore() {
    assertThat(TimerSchedule.nextFire(Kind.DATE, "2026-12-01T00:00:00Z", DEPLOYED, NOW))
        .contains(Instant.parse("2026-12-01T00:00:00Z"));
    assertThat(TimerSchedule.nextFire(Kind.DATE, "2026-11-01T00:00:00Z", DEPLOYED, NOW)).isEmpty();
  }

  @Test
  void onlyZeebeCanTellWhenAnExpressionFires() {
    assertThat(TimerSchedule.nextFire(Kind.EXPRESSION, "=cycle(duration(\"PT1H\"))", DEPLOYED, NOW))
        .isEmpty();
  }

  @Test
  void rejectsWhatZeebeRejects() {
    assertThatThrownBy(() -> TimerSchedule.nextFire(Kind.CRON, "every day", DEPLOYED, NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
