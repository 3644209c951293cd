package io.millflow.connector.plex.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Plex's timestamp format: seven fractional digits, UTC. */
class PlexTimestampsTest {

  @Test
  void formatsWithSevenFractionalDigitsInUtc() {
    assertThat(PlexTimestamps.format(Instant.parse("2024-05-01T08:30:00Z")))
        .isEqualTo("2024-05-01T08:30:00.0000000Z");
    assertThat(PlexTimestamps.format(Instant.parse("2024-05-01T08:30:00.123456789Z")))
        .isEqualTo("2024-05-01T08:30:00.1234567Z");
  }

  @Test
  void truncatesToPlexsPrecisionOf100Nanoseconds() {
    assertThat(PlexTimestamps.truncate(Instant.parse("2024-05-01T08:30:00.123456789Z")))
        .isEqualTo(Instant.parse("2024-05-01T08:30:00.1234567Z"));
  }

  @Test
  void parsesWhatPlexSendsIncludingABareDate() {
    assertThat(PlexTimestamps.parseLenient("2024-05-01T08:30:00.1234567Z"))
        .isEqualTo(Instant.parse("2024-05-01T08:30:00.1234567Z"));
    assertThat(PlexTimestamps.parseLenient("2024-05-01"))
        .isEqualTo(Instant.parse("2024-05-01T00:00:00Z"));
  }

  @Test
  void refusesABareDateAsAFilterValue() {
    assertThatThrownBy(() -> PlexTimestamps.parseStrict("2024-05-01"))
        .isInstanceOf(DateTimeException.class);
  }
}
