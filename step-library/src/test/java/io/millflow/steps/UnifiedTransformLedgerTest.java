package io.millflow.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.model.PurchaseOrder;
import io.millflow.model.PurchaseOrderLine;
import io.millflow.model.SourceRecord;
import io.millflow.model.SourceRef;
import io.millflow.model.UnifiedMapper;
import io.millflow.step.DatasetRef;
import io.millflow.step.FieldFill;
import io.millflow.step.RecordAccount;
import io.millflow.step.testing.TestStepContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The transform accounts for every record it reads: mapped, rejected with a reason, or collapsed as
 * older.
 */
class UnifiedTransformLedgerTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /** A small source: {id, number, updated, lines: [{n, qty}]}. */
  private static final class TestMapper implements UnifiedMapper {
    @Override
    public String sourceEntity() {
      return "test.order";
    }

    @Override
    public String targetEntity() {
      return PurchaseOrder.ENTITY;
    }

    @Override
    public Map<String, String> sourceFields() {
      return Map.of("orderNumber", "number", "lines.quantity", "qty", "lines.lineNumber", "n");
    }

    @Override
    public Object map(JsonNode source, MappingOptions options) {
      SourceRecord order =
          new SourceRecord(source, "Test", "order " + source.path("id").asText(), null) {};
      List<PurchaseOrderLine> lines = new ArrayList<>();
      for (JsonNode item : source.path("lines")) {
        SourceRecord line =
            new SourceRecord(item, "Test", "line of " + source.path("id").asText(), null) {};
        lines.add(
            new PurchaseOrderLine(
                line.requiredInt("n"),
                null,
                null,
                null,
                null,
                line.decimal("qty"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null));
      }
      Instant updated = Instant.parse(order.requiredText("updated"));
      return new PurchaseOrder(
          order.requiredText("id"),
          order.text("number"),
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          updated,
          lines,
          new SourceRef("test", null, order.text("id"), updated),
          null,
          null);
    }
  }

  private final TestStepContext context = new TestStepContext();
  private final UnifiedTransform transform = new UnifiedTransform(List.of(new TestMapper()));

  @Test
  void rejectsARecordWithoutItsRequiredFieldsNamingItAndTheReason() {
    DatasetRef out =
        run(
            order("1", "PO-1", T0, line(1, "2")),
            order("2", null, T0, line(1, "3")),
            order(null, "PO-3", T0),
            Map.of(
                "id",
                "4",
                "number",
                "PO-4",
                "updated",
                T0.toString(),
                "lines",
                List.of(Map.of("qty", 1))));

    RecordAccount account = context.accounts().getFirst();
    assertThat(out.count()).isEqualTo(1);
    assertThat(account.read()).isEqualTo(4);
    assertThat(account.mapped()).isEqualTo(1);
    assertThat(account.rejected().count()).isEqualTo(3);
    assertThat(account.rejected().reasons())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "required field 'orderNumber' is empty",
                1L,
                "field 'id' is missing",
                1L,
                "field 'n' is missing",
                1L));
    assertThat(account.rejected().records())
        .containsExactly("purchaseOrder 2", "Test order null", "Test line of 4");
    assertThat(keys(out)).containsExactly("1");
    assertThat(context.logLines())
        .anySatisfy(line -> assertThat(line).startsWith("WARN Rejected 3 records"));
  }

  @Test
  void collapsesOlderVersionsOfAKeyKeepingTheNewest() {
    DatasetRef out =
        run(
            order("1", "PO-1 old", T0, line(1, "1")),
            order("2", "PO-2", T0, line(1, "1")),
            order("1", "PO-1 new", T0.plusSeconds(5), line(1, "1")),
            order("1", "PO-1 older", T0.minusSeconds(5), line(1, "1")));

    RecordAccount account = context.accounts().getFirst();
    assertThat(account.read()).isEqualTo(4);
    assertThat(account.collapsed()).isEqualTo(2);
    assertThat(account.mapped()).isEqualTo(2).isEqualTo(out.count());
    assertThat(account.read())
        .isEqualTo(account.mapped() + account.rejected().count() + account.collapsed());
    try (Stream<PurchaseOrder> orders = context.datasets().read(out, PurchaseOrder.class)) {
      assertThat(orders.map(PurchaseOrder::orderNumber)).containsExactly("PO-2", "PO-1 new");
    }
  }

  @Test
  void countsTheFillOfEveryFieldAndWarnsOfAFieldEmptyInEveryRecordNamingItsSourceField() {
    run(
        order("1", "PO-1", T0, line(1, null), line(2, null)),
        order("2", "PO-2", T0, line(1, null)));

    RecordAccount account = context.accounts().getFirst();
    assertThat(account.fillRates())
        .containsEntry("orderNumber", new FieldFill(2, 2))
        .containsEntry("vendorKey", new FieldFill(0, 2))
        .containsEntry("lines", new FieldFill(2, 2))
        .containsEntry("lines.lineNumber", new FieldFill(3, 3))
        .containsEntry("lines.quantity", new FieldFill(0, 3))
        .doesNotContainKeys("source", "customFields", "raw");
    // vendorKey is empty too, but this mapper does not read it: no warning about it.
    assertThat(account.warnings())
        .singleElement()
        .satisfies(warning -> assertThat(warning).contains("lines.quantity", "'qty'", "3 empty"));
    assertThat(context.logLines())
        .anySatisfy(
            line -> assertThat(line).startsWith("WARN No purchaseOrder lines").contains("'qty'"));
  }

  private DatasetRef run(Object... records) {
    DatasetRef in = context.datasets().put("test.order", List.of(records));
    return transform.run(new UnifiedTransform.Input(in, "test", false, null), context);
  }

  private List<String> keys(DatasetRef out) {
    try (Stream<PurchaseOrder> orders = context.datasets().read(out, PurchaseOrder.class)) {
      return orders.map(PurchaseOrder::key).toList();
    }
  }

  private static Map<String, Object> order(
      String id, String number, Instant updated, Map<?, ?>... lines) {
    Map<String, Object> order = new java.util.LinkedHashMap<>();
    order.put("id", id);
    order.put("number", number);
    order.put("updated", updated.toString());
    order.put("lines", List.of(lines));
    return order;
  }

  private static Map<String, Object> line(int number, String quantity) {
    Map<String, Object> line = new java.util.LinkedHashMap<>();
    line.put("n", number);
    line.put("qty", quantity == null ? null : new BigDecimal(quantity));
    return line;
  }
}
