package io.millflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StableJsonTest {

  @Test
  void writesSortedKeysWithoutNullsTwoSpacesAndATrailingNewline() {
    var node =
        StableJson.read("{\"b\": [2, 1], \"a\": {\"z\": null, \"y\": \"x\"}, \"e\": []}", "t");

    assertThat(StableJson.write(node))
        .isEqualTo(
            """
            {
              "a": {
                "y": "x"
              },
              "b": [
                2,
                1
              ],
              "e": []
            }
            """);
  }

  @Test
  void theSameDocumentInAnotherKeyOrderIsWrittenTheSame() {
    assertThat(StableJson.write(StableJson.read("{\"x\": 1, \"a\": {\"q\": 1, \"p\": 2}}", "t")))
        .isEqualTo(
            StableJson.write(StableJson.read("{\"a\": {\"p\": 2, \"q\": 1}, \"x\": 1}", "t")));
  }
}
