package io.millflow.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BoundaryMarginTest {

  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

  @Test
  void aReadLooksBackTheMarginFromItsCursorAndFiveMinutesWhenNoneIsGiven() {
    Instant cursor = Instant.parse("2026-06-01T10:00:00Z");

    assertThat(BoundaryMargin.of(null).lookBack(cursor))
        .isEqualTo(Instant.parse("2026-06-01T09:55:00Z"));
    assertThat(BoundaryMargin.of(Duration.ofHours(1)).lookBack(cursor))
        .isEqualTo(Instant.parse("2026-06-01T09:00:00Z"));
    assertThat(BoundaryMargin.of(null).lookBack(null)).isNull();
  }

  @Test
  void theCursorIsTheNewestChangeOlderThanTheSettleLine() {
    BoundaryMargin.Cursor cursor = BoundaryMargin.of(null).cursorAt(NOW);

    cursor.seen(Instant.parse("2026-06-01T11:00:00Z"));
    cursor.seen(Instant.parse("2026-06-01T11:54:59Z"));
    cursor.seen(Instant.parse("2026-06-01T11:55:00Z"));
    cursor.seen(Instant.parse("2026-06-01T11:59:00Z"));
    cursor.seen(null);

    assertThat(cursor.cursor(null)).isEqualTo(Instant.parse("2026-06-01T11:54:59Z"));
    assertThat(cursor.newestSeen()).isEqualTo(Instant.parse("2026-06-01T11:59:00Z"));
  }

  @Test
  void aReadThatSawNothingSettledLeavesTheCursorItWasGiven() {
    BoundaryMargin.Cursor cursor = BoundaryMargin.of(null).cursorAt(NOW);
    Instant given = Instant.parse("2026-06-01T11:50:00Z");

    cursor.seen(Instant.parse("2026-06-01T11:58:00Z"));

    assertThat(cursor.cursor(given)).isEqualTo(given);
  }

  @Test
  void aReadThatReadNothingReturnsNoCursor() {
    BoundaryMargin.Cursor cursor = BoundaryMargin.of(null).cursorAt(NOW);

    assertThat(cursor.cursor(Instant.parse("2026-06-01T11:00:00Z"))).isNull();
  }

  @Test
  void theCursorNeverFallsBehindTheOneGiven() {
    BoundaryMargin.Cursor cursor = BoundaryMargin.of(null).cursorAt(NOW);
    Instant given = Instant.parse("2026-06-01T11:00:00Z");

    cursor.seen(Instant.parse("2026-06-01T10:57:00Z"));

    assertThat(cursor.cursor(given)).isEqualTo(given);
  }

  @Test
  void refusesANegativeMargin() {
    assertThatThrownBy(() -> BoundaryMargin.of(Duration.ofMinutes(-1)))
        .isInstanceOf(StepFailure.class)
        .hasMessageContaining("boundaryMargin must not be negative");
  }
}
