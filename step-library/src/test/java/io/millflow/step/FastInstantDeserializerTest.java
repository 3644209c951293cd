package io.millflow.step;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FastInstantDeserializerTest {

  record Stamped(Instant at) {}

  @Test
  void readsMillflowsOwnInstantsExactlyAsInstantParseDoes() {
    Random random = new Random(7);
    for (int i = 0; i < 10_000; i++) {
      Instant instant =
          Instant.ofEpochSecond(
              random.nextLong(-62_000_000_000L, 250_000_000_000L),
              random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
      String text = instant.toString();
      assertThat(FastInstantDeserializer.parseUtc(text)).as(text).isEqualTo(Instant.parse(text));
    }
  }

  @Test
  void leavesOtherFormsToJacksonSoTheyAreStillAccepted() throws Exception {
    for (String text :
        List.of("2026-11-24T10:00:00+01:00", "2026-11-24T10:00Z", "+12026-01-01T00:00:00Z")) {
      assertThat(FastInstantDeserializer.parseUtc(text)).as(text).isNull();
    }
    assertThat(
            Json.mapper().readValue("{\"at\":\"2026-11-24T10:00:00+01:00\"}", Stamped.class).at())
        .isEqualTo(Instant.parse("2026-11-24T09:00:00Z"));
    assertThat(Json.mapper().readValue("{\"at\":\"2026-11-24T10:00:00.5Z\"}", Stamped.class).at())
        .isEqualTo(Instant.parse("2026-11-24T10:00:00.500Z"));
    assertThat(Json.mapper().readValue("{\"at\":1764000000}", Stamped.class).at())
        .isEqualTo(Instant.ofEpochSecond(1_764_000_000L));
  }

  @Test
  void refusesImpossibleDatesRatherThanRollingThemOver() {
    assertThat(FastInstantDeserializer.parseUtc("2026-02-30T10:00:00Z")).isNull();
    assertThat(FastInstantDeserializer.parseUtc("2026-11-24T24:00:00Z")).isNull();
    assertThat(FastInstantDeserializer.parseUtc("2026-11-24T10:00:00.Z")).isNull();
  }
}
