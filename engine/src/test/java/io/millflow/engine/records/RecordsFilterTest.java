package io.millflow.engine.records;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.engine.feel.BoundedFeel;
import io.millflow.step.DatasetRef;
import io.millflow.step.RecordAccount;
import io.millflow.step.testing.TestStepContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordsFilterTest {

  private final TestStepContext context = new TestStepContext();
  private final RecordsFilter filter = new RecordsFilter(new BoundedFeel());

  @Test
  void keepsTheRecordsWhoseConditionIsTrueAndCountsTheOthersAsFilteredOut() {
    DatasetRef lines =
        context
            .datasets()
            .put(
                "purchaseOrderLine",
                List.of(
                    Map.of("n", 1, "status", "open"),
                    Map.of("n", 2, "status", "cancelled"),
                    Map.of("n", 3, "status", "received")));

    RecordsResult result =
        filter.run(new RecordsFilter.Input(lines, "status != \"cancelled\"", null), context);

    assertThat(context.datasets().readAll(result.records(), Map.class))
        .containsExactly(Map.of("n", 1, "status", "open"), Map.of("n", 3, "status", "received"));
    assertThat(result.records().entity()).isEqualTo("purchaseOrderLine");
    assertThat(List.of(result.in(), result.out(), result.rejected())).containsExactly(3L, 2L, 0L);
    RecordAccount account = context.accounts().getFirst();
    assertThat(account.filtered()).isEqualTo(1);
    assertThat(account.collapsed()).isZero();
  }

  @Test
  void rejectsARecordWhoseConditionIsNullOrNotABoolean() {
    Map<String, Object> noQty = new HashMap<>();
    noQty.put("qty", null);
    DatasetRef lines =
        context
            .datasets()
            .put("line", List.of(Map.of("qty", 5), Map.of("qty", 0), noQty, Map.of("qty", "x")));

    RecordsResult result =
        filter.run(
            new RecordsFilter.Input(lines, "if qty = \"x\" then qty else qty > 1", 1.0), context);

    assertThat(context.datasets().readAll(result.records(), Map.class))
        .containsExactly(Map.of("qty", 5));
    assertThat(List.of(result.in(), result.out(), result.rejected())).containsExactly(4L, 1L, 2L);
    assertThat(result.rejects().reasons())
        .containsExactly(
            Map.entry("the condition gave null, not true or false", 1L),
            Map.entry("the condition gave a text, not true or false", 1L));
    assertThat(context.datasets().readAll(result.rejects().dataset(), Map.class))
        .extracting(reject -> reject.get("number"))
        .containsExactly(3, 4);
    RecordAccount account = context.accounts().getFirst();
    assertThat(account.read()).isEqualTo(4);
    assertThat(account.mapped()).isEqualTo(1);
    assertThat(account.rejected().count()).isEqualTo(2);
    assertThat(account.filtered()).isEqualTo(1);
  }
}
