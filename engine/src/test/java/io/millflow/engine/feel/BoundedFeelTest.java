package io.millflow.engine.feel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * User FEEL is refused before it runs when its loops are too long, and stopped by the interpreter
 * when it runs away.
 */
class BoundedFeelTest {

  /**
   * Two loops over a list from the payload: allowed by its text (a payload list counts as 100
   * items), 400 million steps with a list of 20,000 numbers.
   */
  static final String NESTED_RUNAWAY =
      "count(for a in body.xs return count(for b in body.xs return a + b)) > 0";

  /** The same loops keeping every result: memory as much as steps. */
  static final String NESTED_KEEPING =
      "count(for a in body.xs return for b in body.xs return a) > 0";

  /**
   * A harmless Java call (never {@code System.exit}: were the setting ever lost, the test must
   * fail, not the JVM).
   */
  static final String JAVA_CALL =
      "{max: function(a, b) external {java: {class: \"java.lang.Math\", "
          + "method signature: \"max(int, int)\"}}, greater: max(1, 2)}.greater";

  /** The FEEL engine's refusal of a Java call when external functions are off. */
  static final String EXTERNAL_FUNCTIONS_OFF = "External functions are disabled";

  static final Map<String, Object> LONG_LIST =
      Map.of("body", Map.of("xs", java.util.stream.IntStream.range(0, 20_000).boxed().toList()));

  /**
   * CPU bound: the loops allocate about 1 GB a second, so the memory budget is set far above that.
   */
  private final BoundedFeel feel =
      new BoundedFeel(
          new FeelBudget(100_000, Duration.ofMillis(300), 8L << 30, Duration.ofSeconds(10)));

  private final BoundedFeel memoryBound =
      new BoundedFeel(
          new FeelBudget(100_000, Duration.ofSeconds(10), 64L << 20, Duration.ofSeconds(20)));

  @AfterEach
  void stop() {
    feel.stop();
    memoryBound.stop();
  }

  @Test
  void refusesARangeOfMoreItemsThanTheBound() {
    assertThat(feel.problem("=count(for i in 1..30000000 return i) > 0"))
        .hasValueSatisfying(
            problem ->
                assertThat(problem)
                    .contains("too costly", "1..30000000 has 30,000,000 items", "at most 100,000"));
  }

  @Test
  void refusesNestedLoopsWhoseIterationsMultiplyBeyondTheBound() {
    assertThat(feel.problem("count(for i in 1..1000, j in 1..1000 return i * j) > 0"))
        .hasValueSatisfying(problem -> assertThat(problem).contains("1,000,000 iterations"));
    assertThat(
            feel.problem(
                "for i in 1..500 return for j in 1..500 return sum(for k in 1..500 return k)"))
        .isPresent();
    assertThat(feel.problem("some i in -100000..100000 satisfies i = 3")).isPresent();
  }

  @Test
  void refusesARangeWhoseBoundsComeFromTheData() {
    assertThat(feel.problem("count(for i in 1..body.n return i) > 0"))
        .hasValueSatisfying(problem -> assertThat(problem).contains("needs numbers as bounds"));
  }

  @Test
  void allowsLoopsOverThePayloadAndSmallRanges() {
    assertThat(feel.problem("some line in body.lines satisfies line.qty > 10")).isEmpty();
    assertThat(
            feel.problem("sum(for i in 1..100 return for line in body.lines return line.qty) > 0"))
        .isEmpty();
    assertThat(
            feel.evaluate(
                    "some line in body.lines satisfies line.qty > 10",
                    Map.of("body", Map.of("lines", List.of(Map.of("qty", 3), Map.of("qty", 12)))))
                .result())
        .isEqualTo(true);
  }

  @Test
  void aRunawayLoopIsStoppedOnceItHasUsedItsCpuTime() {
    long started = System.nanoTime();

    assertThatThrownBy(() -> feel.evaluate(NESTED_RUNAWAY, LONG_LIST))
        .isInstanceOf(FeelOverBudget.class)
        .hasMessageContaining("given up")
        .hasMessageContaining("300 ms of CPU");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void aRunawayAllocationIsStoppedOnceItHasAllocatedItsMemory() {
    assertThatThrownBy(() -> memoryBound.evaluate(NESTED_KEEPING, LONG_LIST))
        .isInstanceOf(FeelOverBudget.class)
        .hasMessageContaining("allocated more than 64 MB");
  }

  @Test
  void theEvaluatorWorksOnAfterStoppingOne() {
    assertThatThrownBy(() -> feel.evaluate(NESTED_RUNAWAY, LONG_LIST))
        .isInstanceOf(FeelOverBudget.class);

    for (int i = 0; i < 20; i++) {
      assertThat(feel.evaluate("=body.id + 1", Map.of("body", Map.of("id", 41))).result())
          .isEqualTo(42L);
    }
  }

  @Test
  void aJavaCallIsRefusedBecauseExternalFunctionsAreOff() {
    EvaluationResult result = feel.evaluate(JAVA_CALL, Map.of());

    assertThat(result.isSuccess()).isFalse();
    assertThat(result.failure().message()).contains(EXTERNAL_FUNCTIONS_OFF);
  }

  /**
   * The refusal above is the setting, not a mistake in the expression: an engine that allows Java
   * calls runs it.
   */
  @Test
  void theSameJavaCallRunsWhereExternalFunctionsAreOn() {
    FeelEngineApi open = FeelEngineBuilder.forJava().withEnabledExternalFunctions(true).build();

    assertThat(String.valueOf(open.evaluateExpression(JAVA_CALL, Map.of()).result()))
        .isEqualTo("2");
  }
}
