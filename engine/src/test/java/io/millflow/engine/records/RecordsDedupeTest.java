package io.millflow.engine.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.engine.feel.BoundedFeel;
import io.millflow.engine.records.RecordsDedupe.Keep;
import io.millflow.step.DatasetRef;
import io.millflow.step.StepFailure;
import io.millflow.step.testing.TestStepContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordsDedupeTest {

  private final TestStepContext context = new TestStepContext();
  private final BoundedFeel feel = new BoundedFeel();
  private final RecordsDedupe dedupe = new RecordsDedupe(feel);

  private final DatasetRef orders =
      context
          .datasets()
          .put(
              "purchaseOrder",
              List.of(
                  Map.of("n", 1, "po", "A", "line", 1, "at", "2026-01-03T00:00:00Z"),
                  Map.of("n", 2, "po", "B", "line", 1, "at", "2026-01-01T00:00:00Z"),
                  Map.of("n", 3, "po", "A", "line", 1, "at", "2026-01-02T00:00:00Z"),
                  Map.of("n", 4, "po", "A", "line", 2, "at", "2026-01-01T00:00:00Z"),
                  Map.of("n", 5, "po", "B", "line", 1, "at", "2026-01-05T00:00:00Z")));

  @Test
  void keepsTheFirstRecordOfEachKeyGivenAsFields() {
    RecordsResult result = run(null, "po, line", Keep.FIRST, null);

    assertThat(numbers(result)).containsExactly(1, 2, 4);
    assertThat(List.of(result.in(), result.out(), result.rejected())).containsExactly(5L, 3L, 0L);
    assertThat(context.accounts().getFirst().collapsed()).isEqualTo(2);
  }

  @Test
  void keepsTheLastRecordOfEachKeyGivenAsFeelInInputOrder() {
    RecordsResult result = run("[po, line]", null, Keep.LAST, null);

    assertThat(numbers(result)).containsExactly(3, 4, 5);
    assertThat(context.accounts().getFirst().collapsed()).isEqualTo(2);
  }

  @Test
  void keepsTheNewestRecordOfEachKeyByAField() {
    RecordsResult result = run("po", null, Keep.NEWEST, "at");

    assertThat(numbers(result)).containsExactly(1, 5);
    assertThat(List.of(result.in(), result.out(), result.rejected())).containsExactly(5L, 2L, 0L);
    assertThat(context.accounts().getFirst().collapsed()).isEqualTo(3);
  }

  @Test
  void rejectsARecordWhoseKeyIsNull() {
    DatasetRef withoutKey =
        context
            .datasets()
            .put("row", List.of(Map.of("po", "A"), Map.of("other", 1), Map.of("po", "A")));

    RecordsResult result =
        dedupe.run(new RecordsDedupe.Input(withoutKey, "po", null, Keep.FIRST, null, 0.5), context);

    assertThat(List.of(result.in(), result.out(), result.rejected())).containsExactly(3L, 1L, 1L);
    assertThat(result.rejects().reasons()).containsExactly(Map.entry("the key is null", 1L));
    assertThat(context.accounts().getFirst().collapsed()).isEqualTo(1);
  }

  @Test
  void failsOnceThereAreMoreKeysThanItHoldsInMemory() {
    RecordsDedupe small = new RecordsDedupe(feel, 2);

    assertThatThrownBy(
            () ->
                small.run(
                    new RecordsDedupe.Input(orders, null, "n", Keep.LAST, null, null), context))
        .isInstanceOfSatisfying(
            StepFailure.class, failure -> assertThat(failure.code()).isEqualTo("TOO_MANY_KEYS"));
  }

  private RecordsResult run(String key, String keyFields, Keep keep, String newestBy) {
    return dedupe.run(
        new RecordsDedupe.Input(orders, key, keyFields, keep, newestBy, null), context);
  }

  private List<Object> numbers(RecordsResult result) {
    return context.datasets().readAll(result.records(), Map.class).stream()
        .map(record -> (Object) record.get("n"))
        .toList();
  }
}
