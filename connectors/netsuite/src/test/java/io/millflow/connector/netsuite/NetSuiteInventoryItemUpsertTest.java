package io.millflow.connector.netsuite;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.connector.netsuite.sandbox.NetSuiteSandbox;
import io.millflow.connector.netsuite.sandbox.NetSuiteSandboxConfig;
import io.millflow.model.InventoryItem;
import io.millflow.step.DatasetRef;
import io.millflow.step.DatasetWriter;
import io.millflow.step.testing.TestStepContext;
import io.millflow.step.write.RecordWriteResult;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** netsuite.inventory-item.upsert against the sandbox: the same semantics as the vendor upsert. */
class NetSuiteInventoryItemUpsertTest {

  private static NetSuiteSandbox sandbox;
  private final TestStepContext context =
      new TestStepContext().withConnection(sandbox.connection("netsuite"));
  private final NetSuiteInventoryItemUpsert step =
      new NetSuiteInventoryItemUpsert(NetSuiteTesting.clients());

  @BeforeAll
  static void start() {
    sandbox = new NetSuiteSandbox(NetSuiteSandboxConfig.defaults().withPurchaseOrders(5)).start(0);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void upsertsItemsOnceAndADryRunThenFindsThemUnchanged() {
    DatasetRef items = items(item("BRG-6204", "12.50"), item("HOSE-12", "3.10"));

    RecordWriteResult written =
        step.run(new UpsertInput("netsuite", items, "code", null, false, true, null), context);
    step.run(new UpsertInput("netsuite", items, "code", null, false, false, null), context);
    RecordWriteResult dry =
        step.run(new UpsertInput("netsuite", items, "code", null, true, null, null), context);

    assertThat(written.written()).isEqualTo(2);
    assertThat(sandbox.writtenRecords("inventoryItem")).isEqualTo(2);
    assertThat(
            sandbox
                .writtenRecord("inventoryItem", "eid:BRG-6204")
                .orElseThrow()
                .path("cost")
                .decimalValue())
        .isEqualByComparingTo("12.5");
    assertThat(context.datasets().readAll(dry.records(), UpsertDiff.class))
        .extracting(UpsertDiff::action)
        .containsExactly("unchanged", "unchanged");
    assertThat(context.logLines())
        .anySatisfy(
            line -> assertThat(line).contains("Not written to NetSuite", "unitOfMeasure=2"));
  }

  private DatasetRef items(InventoryItem... items) {
    try (DatasetWriter writer = context.datasets().create(InventoryItem.ENTITY)) {
      List.of(items).forEach(writer::add);
      return writer.finish();
    }
  }

  private static InventoryItem item(String code, String cost) {
    return new InventoryItem(
        "key-" + code,
        code,
        code + " part",
        code + ", purchased",
        null,
        "Active",
        true,
        null,
        "ea",
        null,
        null,
        null,
        null,
        null,
        null,
        new BigDecimal(cost),
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }
}
