package io.millflow.engine.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** FEEL for webhook routes cannot reach the host and cannot run without end. */
class FeelExpressionsTest {

  @Test
  void anExpressionRunningPastTheLimitIsGivenUpWithAClearError() {
    FeelExpressions feel = new FeelExpressions(Duration.ofMillis(1));

    assertThatThrownBy(() -> feel.text("count(for i in 1..300000 return i * i)", Map.of()))
        .hasMessageContaining("took longer than 1 ms");
  }

  @Test
  void aJavaCallIsNotAFunctionFeelKnows() {
    FeelExpressions feel = new FeelExpressions();

    assertThatThrownBy(() -> feel.text(
        "(function(x) external {java: {class: \"java.lang.System\", method signature: \"exit(int)\"}})(1)", Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aQuickExpressionEvaluatesAsBefore() {
    assertThat(new FeelExpressions().text("body.id + 1", Map.of("body", Map.of("id", 41)))).isEqualTo("42");
  }
}
