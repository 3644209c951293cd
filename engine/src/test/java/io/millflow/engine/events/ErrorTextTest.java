package io.millflow.engine.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorTextTest {

  @Test
  void nulAndOtherControlCharactersAreReplaced() {
    String stored =
        ErrorText.storable(
            "IOException: Invalid status line: \"\u0000\u0001\u0007PK\u0003\u0004\u0085\"");

    assertThat(stored)
        .doesNotContain("\u0000", "\u0001", "\u0007", "\u0003", "\u0085")
        .startsWith("IOException: Invalid status line: \"\uFFFD\uFFFD\uFFFDPK");
  }

  @Test
  void lineBreaksBecomeSpacesAndLoneSurrogatesAreReplaced() {
    assertThat(ErrorText.storable("first\r\nsecond\t\uD800end"))
        .isEqualTo("first  second \uFFFDend");
  }

  @Test
  void aLongTextIsCutToTheBound() {
    String stored = ErrorText.storable("x".repeat(1_000_000));

    assertThat(stored).hasSize(ErrorText.MAX_LENGTH).endsWith("…");
  }

  @Test
  void anOrdinaryMessageIsKeptAsItIs() {
    assertThat(ErrorText.storable("The subscriber answered 503 (Überlastet)"))
        .isEqualTo("The subscriber answered 503 (Überlastet)");
  }
}
