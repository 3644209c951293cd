package io.millflow.engine.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.engine.feel.BoundedFeel;
import io.millflow.engine.feel.FeelBudget;
import io.millflow.step.DatasetRef;
import io.millflow.step.StepFailure;
import io.millflow.step.testing.TestStepContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** FEEL that would run away or reach Java is stopped, and the step says which and why. */
class RecordExpressionRefusalTest {

  /** A harmless Java call: were the refusal ever lost, the test must fail, not the JVM. */
  private static final String JAVA_CALL =
      "{max: function(a, b) external {java: {class: \"java.lang.Math\", "
          + "method signature: \"max(int, int)\"}}, m: max(1, 2)}";

  private final TestStepContext context = new TestStepContext();
  private final BoundedFeel feel =
      new BoundedFeel(
          new FeelBudget(100_000, Duration.ofMillis(300), 8L << 30, Duration.ofSeconds(10)));

  private final DatasetRef oneRecord = context.datasets().put("row", List.of(Map.of("n", 20_000)));

  @Test
  void refusesAJavaCallBeforeAnyRecordIsRead() {
    assertThatThrownBy(
            () ->
                new RecordsMap(feel)
                    .run(new RecordsMap.Input(oneRecord, JAVA_CALL, null, 1.0), context))
        .isInstanceOfSatisfying(
            StepFailure.class,
            failure -> {
              assertThat(failure.code()).isEqualTo("INVALID_EXPRESSION");
              assertThat(failure.getMessage())
                  .startsWith("The expression cannot be used: FEEL expression")
                  .contains("is not valid FEEL")
                  .contains("External functions are disabled");
            });
  }

  @Test
  void refusesALoopOverARangeComputedFromTheRecord() {
    assertThatThrownBy(
            () ->
                new RecordsFilter(feel)
                    .run(
                        new RecordsFilter.Input(
                            oneRecord, "count(for i in 1..n return i) > 0", 1.0),
                        context))
        .isInstanceOfSatisfying(
            StepFailure.class,
            failure -> {
              assertThat(failure.code()).isEqualTo("INVALID_EXPRESSION");
              assertThat(failure.getMessage())
                  .startsWith("The condition cannot be used")
                  .contains("a range in a loop needs numbers as bounds");
            });
  }

  @Test
  void stopsALoopOverTheRecordsDataThatRunsPastThePerRecordBudget() {
    DatasetRef longList =
        context
            .datasets()
            .put("row", List.of(Map.of("xs", IntStream.range(0, 20_000).boxed().toList())));

    long started = System.nanoTime();
    assertThatThrownBy(
            () ->
                new RecordsFilter(feel)
                    .run(
                        new RecordsFilter.Input(
                            longList,
                            "count(for a in xs return count(for b in xs return a + b)) > 0",
                            1.0),
                        context))
        .isInstanceOfSatisfying(
            StepFailure.class,
            failure -> {
              assertThat(failure.code()).isEqualTo("EXPRESSION_OVER_BUDGET");
              assertThat(failure.getMessage())
                  .startsWith("The condition was stopped")
                  .contains("it used more than 300 ms of CPU");
            });
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
  }
}
