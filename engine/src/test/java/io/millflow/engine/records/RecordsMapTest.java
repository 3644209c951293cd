package io.millflow.engine.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.engine.feel.BoundedFeel;
import io.millflow.step.DatasetRef;
import io.millflow.step.RecordAccount;
import io.millflow.step.StepFailure;
import io.millflow.step.testing.TestStepContext;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordsMapTest {

  private final TestStepContext context = new TestStepContext();
  private final RecordsMap map = new RecordsMap(new BoundedFeel());

  private final DatasetRef lines =
      context
          .datasets()
          .put(
              "line",
              List.of(
                  Map.of("item", "BRK-100", "qty", 3, "price", 2.5, "vendor", Map.of("id", "V1")),
                  Map.of("item", "BRK-200", "qty", 4, "price", 1, "vendor", Map.of("id", "V2"))));

  @Test
  void mapsEachRecordWithTheFieldsAsVariablesAndTheWholeRecordAsRecord() {
    RecordsResult result =
        map.run(
            new RecordsMap.Input(
                lines,
                "{part: lower case(item), total: qty * price, vendor: record.vendor.id}",
                "part",
                null),
            context);

    assertThat(context.datasets().readAll(result.records(), Map.class))
        .containsExactly(
            Map.of("part", "brk-100", "total", new BigDecimal("7.5"), "vendor", "V1"),
            Map.of("part", "brk-200", "total", 4, "vendor", "V2"));
    assertThat(result.records().entity()).isEqualTo("part");
    assertThat(result.in()).isEqualTo(2);
    assertThat(result.out()).isEqualTo(2);
    assertThat(result.rejected()).isZero();
    assertThat(result.rejects().dataset().count()).isZero();
  }

  @Test
  void rejectsARecordWhoseExpressionGivesNoContextIntoTheRejectsDataset() {
    DatasetRef mixed =
        context
            .datasets()
            .put("line", List.of(Map.of("part", Map.of("code", "A")), Map.of("part", "B")));

    RecordsResult result =
        map.run(
            new RecordsMap.Input(mixed, "if part.code = null then null else part", null, 0.5),
            context);

    assertThat(context.datasets().readAll(result.records(), Map.class))
        .containsExactly(Map.of("code", "A"));
    assertThat(result.records().entity()).isEqualTo("record");
    assertThat(result.in()).isEqualTo(2);
    assertThat(result.out()).isEqualTo(1);
    assertThat(result.rejected()).isEqualTo(1);
    assertThat(result.rejects().reasons())
        .containsExactly(Map.entry("the expression gave null, not a context", 1L));
    assertThat(context.datasets().readAll(result.rejects().dataset(), Map.class))
        .containsExactly(
            Map.of(
                "number",
                2,
                "reason",
                "the expression gave null, not a context",
                "record",
                Map.of("part", "B")));
    RecordAccount account = context.accounts().getFirst();
    assertThat(account.read()).isEqualTo(2);
    assertThat(account.mapped()).isEqualTo(1);
    assertThat(account.rejected().count()).isEqualTo(1);
    assertThat(account.rejected().records()).containsExactly("record 2 of the input");
    assertThat(account.collapsed()).isZero();
    assertThat(account.filtered()).isZero();
  }

  @Test
  void failsWhenMoreRecordsAreRejectedThanTheShareAllows() {
    DatasetRef mixed =
        context.datasets().put("line", List.of(Map.of("qty", 1), Map.of("other", 2)));

    assertThatThrownBy(
            () ->
                map.run(
                    new RecordsMap.Input(mixed, "if qty = null then 0 else {q: qty}", null, null),
                    context))
        .isInstanceOfSatisfying(
            StepFailure.class,
            failure -> {
              assertThat(failure.code()).isEqualTo("TOO_MANY_REJECTED");
              assertThat(failure.getMessage())
                  .contains("rejected 1 of 2 records, more than maxRejectedShare 0.0")
                  .contains("the expression gave a number, not a context")
                  .contains("record 2 of the input");
            });
  }
}
