package io.millflow.example.firststep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.model.ProductionRecord;
import io.millflow.step.DatasetRef;
import io.millflow.step.StepFailure;
import io.millflow.step.testing.TestStepContext;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

// snippet:test
/**
 * The step as the engine runs it, without the engine: a test context with an in-memory dataset
 * store.
 */
class ScrapCheckTest {

  private final ScrapCheck step = new ScrapCheck();
  private final TestStepContext context = new TestStepContext();

  @Test
  void keepsTheRecordsOverTheLimit() {
    DatasetRef records =
        context
            .datasets()
            .put(
                ProductionRecord.ENTITY,
                List.of(
                    production("press-1", 990, 10), // 1 % scrap
                    production("press-2", 950, 50), // 5 %
                    production("press-3", 0, 0))); // made nothing

    ScrapCheck.Output output =
        step.run(new ScrapCheck.Input(records, new BigDecimal("2.5")), context);

    assertThat(output.checked()).isEqualTo(3);
    assertThat(context.datasets().readAll(output.overLimit(), ProductionRecord.class))
        .extracting(ProductionRecord::assetKey)
        .containsExactly("press-2");
    assertThat(context.logLines())
        .containsExactly("INFO 1 of 3 production records are over 2.5 % scrap");
  }

  @Test
  void refusesADatasetOfAnotherEntity() {
    DatasetRef orders =
        context.datasets().put("purchaseOrder", List.of(Map.of("orderNumber", "PO-1")));

    assertThatThrownBy(() -> step.run(new ScrapCheck.Input(orders, BigDecimal.ONE), context))
        .isInstanceOfSatisfying(
            StepFailure.class,
            failure -> assertThat(failure.code()).isEqualTo("NOT_PRODUCTION_RECORDS"))
        .hasMessageContaining("holds 'purchaseOrder' records");
  }

  private static Map<String, Object> production(String machine, long good, long rejected) {
    return Map.of(
        "key",
        machine + ":2025-06-02T06",
        "assetKey",
        machine,
        "goodCount",
        good,
        "rejectCount",
        rejected);
  }
}
// end-snippet
