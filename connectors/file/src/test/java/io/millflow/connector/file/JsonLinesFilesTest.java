package io.millflow.connector.file;

import static io.millflow.connector.file.CsvFilesTest.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.model.PurchaseOrder;
import io.millflow.model.PurchaseOrderDelivery;
import io.millflow.model.PurchaseOrderLine;
import io.millflow.model.SourceRef;
import io.millflow.step.Json;
import io.millflow.step.ReadResult;
import io.millflow.step.StepFailure;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesFilesTest {

  @TempDir Path base;

  @Test
  void roundTripsNestedRecordsWithTypesKept() throws Exception {
    FileFixture files = new FileFixture(base);
    List<Map<String, Object>> orders =
        List.of(
            row(
                "orderNumber",
                "PO-1",
                "totalAmount",
                new BigDecimal("100.00"),
                "approved",
                true,
                "notes",
                "a\nb",
                "lines",
                List.of(row("lineNumber", 1, "quantity", new BigDecimal("2.500")))),
            row(
                "orderNumber",
                "PO-2",
                "totalAmount",
                null,
                "approved",
                false,
                "notes",
                "ü ✓",
                "lines",
                List.of()));

    files.write("orders.jsonl", orders);
    ReadResult read = files.read("orders.jsonl");

    assertThat(files.readText("orders.jsonl").lines()).hasSize(2);
    assertThat(files.readText("orders.jsonl")).contains("\"totalAmount\":100.00");
    assertThat(files.records(read)).isEqualTo(FileFixture.asJson(orders));
  }

  @Test
  void writesAUnifiedPurchaseOrderWithItsLinesDeliveryScheduleThatReadsBackAsWritten()
      throws Exception {
    FileFixture files = new FileFixture(base);
    Instant t0 = Instant.parse("2024-03-01T10:00:00Z");
    List<PurchaseOrderDelivery> schedule =
        List.of(
            new PurchaseOrderDelivery("R-1", 1, t0, new BigDecimal("10"), "Received"),
            new PurchaseOrderDelivery(
                "R-2",
                2,
                Instant.parse("2024-03-08T06:30:00.123456Z"),
                new BigDecimal("20.125"),
                "Open"),
            new PurchaseOrderDelivery("R-3", null, null, new BigDecimal("0.000"), null));
    PurchaseOrderLine line =
        new PurchaseOrderLine(
            1,
            "L1",
            "ITEM-1",
            null,
            "Item 1",
            new BigDecimal("30.125"),
            new BigDecimal("10"),
            "EA",
            new BigDecimal("2.50"),
            null,
            "open",
            t0,
            null,
            schedule,
            t0);
    PurchaseOrder order =
        new PurchaseOrder(
            "1",
            "PO-1",
            "V-1",
            "open",
            null,
            "EUR",
            t0,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            t0,
            t0,
            List.of(line),
            new SourceRef("plex", "plex", "1", t0),
            Map.of(),
            null);

    files.write("orders.jsonl", List.of(order));
    ReadResult read = files.read("orders.jsonl");

    assertThat(
            Json.mapper()
                .treeToValue(files.records(read).getFirst(), PurchaseOrder.class)
                .lines()
                .getFirst()
                .deliveries())
        .usingRecursiveComparison()
        .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
        .isEqualTo(schedule);
  }

  @Test
  void skipsBlankLines() throws Exception {
    FileFixture files = new FileFixture(base);
    files.writeText("events.ndjson", "{\"id\":1}\n\n   \n{\"id\":2}\n");

    assertThat(files.read("events.ndjson").records().count()).isEqualTo(2);
  }

  @Test
  void namesTheLineNumberOfAMalformedLine() throws Exception {
    FileFixture files = new FileFixture(base);
    files.writeText("events.jsonl", "{\"id\":1}\n\n{\"id\":2}\n{\"id\":3,}\n{\"id\":4}\n");

    assertThatThrownBy(() -> files.read("events.jsonl"))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("MALFORMED_FILE"))
        .hasMessageContaining("'events.jsonl'")
        .hasMessageContaining("line 4");
  }

  @Test
  void refusesTwoValuesOnOneLine() throws Exception {
    FileFixture files = new FileFixture(base);
    files.writeText("events.jsonl", "{\"id\":1} {\"id\":2}\n");

    assertThatThrownBy(() -> files.read("events.jsonl")).hasMessageContaining("line 1");
  }

  @Test
  void refusesALineThatIsNotAnObject() throws Exception {
    FileFixture files = new FileFixture(base);
    files.writeText("events.jsonl", "{\"id\":1}\n[1,2]\n");

    assertThatThrownBy(() -> files.read("events.jsonl"))
        .hasMessageContaining("line 2")
        .hasMessageContaining("JSON object, not array");
  }

  @Test
  void asksForAFormatWhenTheFileNameDoesNotTell() throws Exception {
    FileFixture files = new FileFixture(base);
    files.writeText("events.log", "{\"id\":1}\n");

    assertThatThrownBy(() -> files.read("events.log"))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("INVALID_INPUT"))
        .hasMessageContaining("'format'");
    JsonNode record =
        files.records(files.read("events.log", FileFormat.JSONL, null, null, null)).get(0);
    assertThat(record.get("id").asInt()).isEqualTo(1);
  }
}
