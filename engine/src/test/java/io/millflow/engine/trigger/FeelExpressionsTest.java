package io.millflow.engine.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.engine.feel.BoundedFeel;
import io.millflow.engine.feel.FeelOverBudget;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** FEEL for webhook routes cannot reach the host and cannot run without end. */
class FeelExpressionsTest {

  /**
   * A harmless Java call: were external functions ever on, the test fails rather than the JVM
   * exiting.
   */
  private static final String JAVA_CALL =
      "{max: function(a, b) external {java: {class: \"java.lang.Math\", "
          + "method signature: \"max(int, int)\"}}, greater: max(1, 2)}.greater";

  private final FeelExpressions feel = new FeelExpressions(new BoundedFeel());

  @Test
  void aConditionTooCostlyToRunIsGivenUpNotJustFalse() {
    assertThatThrownBy(() -> feel.isTrue("=count(for i in 1..30000000 return i) > 0", Map.of()))
        .isInstanceOf(FeelOverBudget.class)
        .hasMessageContaining("too costly");
  }

  @Test
  void aJavaCallIsRefusedBecauseExternalFunctionsAreOff() {
    assertThatThrownBy(() -> feel.text(JAVA_CALL, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gave no value")
        .hasMessageContaining("External functions are disabled");
  }

  @Test
  void aQuickExpressionEvaluatesAsBefore() {
    assertThat(feel.text("body.id + 1", Map.of("body", Map.of("id", 41)))).isEqualTo("42");
  }
}
