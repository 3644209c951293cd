package io.millflow.engine.flowtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code ${cursor:Task}} in a sandbox call's body is the task's committed cursor, shifted if asked.
 */
class CursorPlaceholdersTest {

  private final Map<String, String> asked = new HashMap<>();
  private final CursorPlaceholders cursors =
      new CursorPlaceholders(
          element -> {
            asked.put(String.valueOf(element), "asked");
            return "2026-12-07T10:15:30Z";
          });

  @Test
  void replacesTheCursorOfTheNamedTaskShiftedByADuration() {
    Map<String, Object> body =
        cursors.resolve(
            Map.of(
                "modifiedAt", "${cursor:ReadOrders - PT1S}",
                "later", "${cursor + PT2M}",
                "nested", Map.of("at", List.of("from ${cursor:ReadOrders}"))));

    assertThat(body)
        .containsEntry("modifiedAt", "2026-12-07T10:15:29Z")
        .containsEntry("later", "2026-12-07T10:17:30Z")
        .containsEntry("nested", Map.of("at", List.of("from 2026-12-07T10:15:30Z")));
    assertThat(asked).containsOnlyKeys("ReadOrders", "null");
  }

  @Test
  void leavesOtherTextAndValuesAlone() {
    assertThat(cursors.resolve(Map.of("id", "fad148ce", "times", 2)))
        .containsEntry("id", "fad148ce")
        .containsEntry("times", 2);
    assertThat(asked).isEmpty();
  }

  @Test
  void refusesToShiftACursorThatIsNotAnInstant() {
    CursorPlaceholders ids = new CursorPlaceholders(element -> "1234");
    assertThat(ids.resolveText("${cursor:ReadParts}")).isEqualTo("1234");
    assertThatThrownBy(() -> ids.resolveText("${cursor:ReadParts - PT1S}"))
        .isInstanceOf(FlowTestFormatException.class)
        .hasMessageContaining("'1234' is not an instant");
  }
}
