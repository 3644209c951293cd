package io.millflow.engine.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.engine.feel.BoundedFeel;
import io.millflow.engine.feel.FeelOverBudget;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** FEEL for webhook routes cannot reach the host and cannot run without end. */
class FeelExpressionsTest {

  private final FeelExpressions feel = new FeelExpressions(new BoundedFeel());

  @Test
  void aConditionTooCostlyToRunIsGivenUpNotJustFalse() {
    assertThatThrownBy(() -> feel.isTrue("=count(for i in 1..30000000 return i) > 0", Map.of()))
        .isInstanceOf(FeelOverBudget.class).hasMessageContaining("too costly");
  }

  @Test
  void aJavaCallIsNotAFunctionFeelKnows() {
    assertThatThrownBy(() -> feel.text(
        "(function(x) external {java: {class: \"java.lang.System\", method signature: \"exit(int)\"}})(1)", Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aQuickExpressionEvaluatesAsBefore() {
    assertThat(feel.text("body.id + 1", Map.of("body", Map.of("id", 41)))).isEqualTo("42");
  }
}
