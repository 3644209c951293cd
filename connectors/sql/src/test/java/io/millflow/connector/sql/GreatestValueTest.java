package io.millflow.connector.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GreatestValueTest {

  @Test
  void comparesNumbersAsNumbersAndWritesPlainDigits() {
    GreatestValue greatest = new GreatestValue("id");
    greatest.offer(9L);
    greatest.offer(null);
    greatest.offer(10L);

    assertThat(greatest.text()).isEqualTo("10");

    GreatestValue decimal = new GreatestValue("amount");
    decimal.offer(new BigDecimal("1E+3"));
    assertThat(decimal.text()).isEqualTo("1000");
  }

  @Test
  void comparesInstantsAsTimesWhateverTheirFractionDigits() {
    GreatestValue greatest = new GreatestValue("updated_at");
    greatest.offer(Instant.parse("2024-03-01T10:00:00.5Z"));
    greatest.offer(Instant.parse("2024-03-01T10:00:00.123456Z"));

    assertThat(greatest.text()).isEqualTo("2024-03-01T10:00:00.500Z");
  }

  @Test
  void hasNoCursorWithoutValues() {
    GreatestValue greatest = new GreatestValue("id");
    greatest.offer(null);

    assertThat(greatest.text()).isNull();
  }
}
