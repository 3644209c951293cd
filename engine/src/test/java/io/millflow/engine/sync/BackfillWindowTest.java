package io.millflow.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackfillWindowTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  @Test
  void takesAPastWindowOfTwoIsoInstants() {
    assertThat(BackfillWindow.of("2026-01-01T00:00:00Z", " 2026-02-01T00:00:00Z ", NOW))
        .isEqualTo(
            new SyncMode.Backfill(
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z")));
    assertThat(BackfillWindow.of("2026-01-01T00:00:00Z", NOW.toString(), NOW).to()).isEqualTo(NOW);
  }

  @Test
  void refusesAMissingBoundNamingIt() {
    assertThatThrownBy(() -> BackfillWindow.of(null, "2026-02-01T00:00:00Z", NOW))
        .isInstanceOf(SyncRequestRefused.class)
        .hasMessageContaining("Field 'from' is missing");
    assertThatThrownBy(() -> BackfillWindow.of("2026-01-01T00:00:00Z", " ", NOW))
        .isInstanceOf(SyncRequestRefused.class)
        .hasMessageContaining("Field 'to' is missing");
  }

  @Test
  void refusesABoundThatIsNoIsoInstantNamingIt() {
    assertThatThrownBy(() -> BackfillWindow.of("2026-01-01", "2026-02-01T00:00:00Z", NOW))
        .isInstanceOf(SyncRequestRefused.class)
        .hasMessageContaining("Field 'from' must be an ISO-8601 instant");
    assertThatThrownBy(() -> BackfillWindow.of("2026-01-01T00:00:00Z", "yesterday", NOW))
        .isInstanceOf(SyncRequestRefused.class)
        .hasMessageContaining("Field 'to' must be an ISO-8601 instant");
  }

  @Test
  void refusesAWindowThatEndsBeforeItStartsOrIsEmpty() {
    assertThatThrownBy(() -> BackfillWindow.of("2026-02-01T00:00:00Z", "2026-01-01T00:00:00Z", NOW))
        .isInstanceOf(SyncRequestRefused.class)
        .hasMessageContaining(
            "Field 'from' (2026-02-01T00:00:00Z) must be" + " before 'to' (2026-01-01T00:00:00Z)");
    assertThatThrownBy(() -> BackfillWindow.of("2026-02-01T00:00:00Z", "2026-02-01T00:00:00Z", NOW))
        .isInstanceOf(SyncRequestRefused.class)
        .hasMessageContaining("must be before 'to'");
  }

  @Test
  void refusesAWindowThatEndsInTheFuture() {
    assertThatThrownBy(() -> BackfillWindow.of("2026-01-01T00:00:00Z", "2026-03-01T12:00:01Z", NOW))
        .isInstanceOf(SyncRequestRefused.class)
        .hasMessageContaining("Field 'to' (2026-03-01T12:00:01Z) is in the future");
  }
}
