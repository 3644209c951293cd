package io.millflow.connector.file;

import static io.millflow.connector.file.CsvFilesTest.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.step.ReadResult;
import io.millflow.step.StepFailure;
import java.math.BigDecimal;
import java.nio.file.Path;
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
