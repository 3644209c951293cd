package io.millflow.engine.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.step.DatasetRef;
import io.millflow.step.StepFailure;
import io.millflow.step.testing.TestStepContext;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordsAggregateTest {

  private final TestStepContext context = new TestStepContext();
  private final RecordsAggregate aggregate = new RecordsAggregate();

  private final DatasetRef lines =
      context
          .datasets()
          .put(
              "line",
              List.of(
                  line("V1", "BRK", 3, 2.5, "open"),
                  line("V2", "BRK", 1, 4, "open"),
                  line("V1", "BRK", 2, 1.5, "received"),
                  line("V1", "NUT", 10, 0.1, "open")));

  @Test
  void writesOneRecordPerGroupWithEachAggregateInFirstAppearanceOrder() {
    RecordsResult result =
        aggregate.run(
            new RecordsAggregate.Input(
                lines,
                "vendor, part",
                "count, sum(qty) as totalQty, min(price), max(price), first(status), last(status)",
                null,
                null),
            context);

    assertThat(context.datasets().readAll(result.records(), Map.class))
        .containsExactly(
            group("V1", "BRK", 2, 5, decimal("1.5"), decimal("2.5"), "open", "received"),
            group("V2", "BRK", 1, 1, 4, 4, "open", "open"),
            group("V1", "NUT", 1, 10, decimal("0.1"), decimal("0.1"), "open", "open"));
    assertThat(result.records().entity()).isEqualTo("group");
    assertThat(List.of(result.in(), result.out(), result.rejected())).containsExactly(4L, 3L, 0L);
    assertThat(context.accounts().getFirst().collapsed()).isEqualTo(1);
  }

  @Test
  void withoutGroupFieldsAggregatesEverythingIntoOneRecord() {
    RecordsResult result =
        aggregate.run(
            new RecordsAggregate.Input(lines, null, "count, sum(qty)", "total", null), context);

    assertThat(context.datasets().readAll(result.records(), Map.class))
        .containsExactly(Map.of("count", 4, "sumQty", 16));
    assertThat(context.accounts().getFirst().collapsed()).isEqualTo(3);
  }

  @Test
  void rejectsARecordWhoseValueCannotBeSummedAndCountsItInNoGroup() {
    DatasetRef bad =
        context
            .datasets()
            .put(
                "line",
                List.of(
                    Map.of("vendor", "V1", "qty", 3),
                    Map.of("vendor", "V9", "qty", "three"),
                    Map.of("vendor", "V1", "qty", "four")));

    RecordsResult result =
        aggregate.run(
            new RecordsAggregate.Input(bad, "vendor", "count, sum(qty)", null, 1.0), context);

    assertThat(context.datasets().readAll(result.records(), Map.class))
        .containsExactly(Map.of("vendor", "V1", "count", 1, "sumQty", 3));
    assertThat(List.of(result.in(), result.out(), result.rejected())).containsExactly(3L, 1L, 2L);
    assertThat(result.rejects().reasons())
        .containsExactly(Map.entry("field 'qty' is a text, not a number to sum", 2L));
    assertThat(context.accounts().getFirst().collapsed()).isZero();
  }

  @Test
  void refusesAnAggregateItDoesNotUnderstand() {
    assertThatThrownBy(
            () ->
                aggregate.run(
                    new RecordsAggregate.Input(lines, "vendor", "count, median(qty)", null, null),
                    context))
        .isInstanceOfSatisfying(
            StepFailure.class,
            failure -> {
              assertThat(failure.code()).isEqualTo("INVALID_AGGREGATE");
              assertThat(failure.getMessage()).contains("'median(qty)'");
            });
  }

  private static BigDecimal decimal(String value) {
    return new BigDecimal(value);
  }

  private static Map<String, Object> line(
      String vendor, String part, int qty, Number price, String status) {
    return Map.of("vendor", vendor, "part", part, "qty", qty, "price", price, "status", status);
  }

  private static Map<String, Object> group(
      String vendor,
      String part,
      int count,
      int totalQty,
      Number minPrice,
      Number maxPrice,
      String first,
      String last) {
    Map<String, Object> group = new LinkedHashMap<>();
    group.put("vendor", vendor);
    group.put("part", part);
    group.put("count", count);
    group.put("totalQty", totalQty);
    group.put("minPrice", minPrice);
    group.put("maxPrice", maxPrice);
    group.put("firstStatus", first);
    group.put("lastStatus", last);
    return group;
  }
}
