package io.millflow.connector.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.step.Json;
import io.millflow.step.ReadResult;
import io.millflow.step.StepFailure;
import io.millflow.step.WriteResult;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFilesTest {

  @TempDir Path base;

  @Test
  void roundTripsValuesWithCommasQuotesAndLineBreaks() {
    FileFixture files = new FileFixture(base);
    List<Map<String, Object>> rows =
        List.of(
            row(
                "partNumber",
                "00120",
                "description",
                "Bolt, M8 \"hex\"",
                "note",
                "line one\nline two"),
            row("partNumber", "A-7", "description", "plain", "note", "ends with a comma,"));

    WriteResult written = files.write("out/parts.csv", rows);
    ReadResult read = files.read("out/parts.csv");

    assertThat(written.target()).isEqualTo("out/parts.csv");
    assertThat(written.inserted()).isEqualTo(2);
    assertThat(read.records().count()).isEqualTo(2);
    assertThat(read.records().entity()).isEqualTo("row");
    assertThat(read.cursor()).isNull();
    assertThat(files.records(read)).isEqualTo(FileFixture.asJson(rows));
  }

  @Test
  void keepsValuesAsTextAndReadsEmptyValuesAsNull() throws Exception {
    FileFixture files = new FileFixture(base);
    files.writeText("in.csv", "part,qty,price,note\n00120,5,1.50,\n");

    JsonNode record = files.records(files.read("in.csv")).get(0);

    assertThat(record.get("part").asText()).isEqualTo("00120");
    assertThat(record.get("qty").isTextual()).isTrue();
    assertThat(record.get("price").asText()).isEqualTo("1.50");
    assertThat(record.get("note").isNull()).isTrue();
  }

  @Test
  void writesAndReadsAnotherDelimiter() throws Exception {
    FileFixture files = new FileFixture(base);
    files.write(
        new FileWrite.Input(
            FileFixture.CONNECTION,
            "parts.csv",
            null,
            null,
            ";",
            null,
            null,
            null,
            files.dataset(List.of(row("part", "A;1", "price", "1,50")))));

    assertThat(files.readText("parts.csv")).isEqualTo("part;price\n\"A;1\";\"1,50\"\n");
    JsonNode record = files.records(files.read("parts.csv", null, ";", null, null)).get(0);
    assertThat(record.get("part").asText()).isEqualTo("A;1");
    assertThat(record.get("price").asText()).isEqualTo("1,50");
  }

  @Test
  void readsTabSeparatedFilesWithTheTabEscape() throws Exception {
    FileFixture files = new FileFixture(base);
    files.writeText("parts.tsv", "part\tqty\nA,1\t5\n");

    JsonNode record =
        files.records(files.read("parts.tsv", FileFormat.CSV, "\\t", null, null)).get(0);

    assertThat(record.get("part").asText()).isEqualTo("A,1");
    assertThat(record.get("qty").asText()).isEqualTo("5");
  }

  @Test
  void roundTripsUnicodeInUtf8() {
    FileFixture files = new FileFixture(base);
    List<Map<String, Object>> rows =
        List.of(row("name", "Müller Präzisionsteile 株式会社 ✓", "city", "Zürich"));

    files.write("vendors.csv", rows);

    assertThat(files.records(files.read("vendors.csv"))).isEqualTo(FileFixture.asJson(rows));
  }

  @Test
  void readsAndWritesIso88591() throws Exception {
    FileFixture files = new FileFixture(base);
    Charset latin1 = StandardCharsets.ISO_8859_1;
    files.writeText("legacy.csv", "name;city\nMüller GmbH;Köln\n", latin1);

    ReadResult read = files.read("legacy.csv", null, ";", null, "ISO-8859-1");
    files.write(
        new FileWrite.Input(
            FileFixture.CONNECTION,
            "copy.csv",
            null,
            null,
            null,
            null,
            "iso-8859-1",
            null,
            read.records()));

    assertThat(files.records(read).get(0).get("city").asText()).isEqualTo("Köln");
    assertThat(Files.readString(files.file("copy.csv"), latin1))
        .contains("Müller GmbH")
        .contains("Köln");
  }

  @Test
  void refusesAFileThatIsNotInTheGivenEncoding() throws Exception {
    FileFixture files = new FileFixture(base);
    files.writeText("legacy.csv", "name\nMüller\n", StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> files.read("legacy.csv"))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("ENCODING_MISMATCH"))
        .hasMessageContaining("'legacy.csv'")
        .hasMessageContaining("encoding");
  }

  @Test
  void refusesAnUnknownEncodingName() {
    FileFixture files = new FileFixture(base);

    assertThatThrownBy(() -> files.read("any.csv", null, null, null, "latin-99"))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("INVALID_INPUT"))
        .hasMessageContaining("latin-99");
  }

  @Test
  void namesColumnsByPositionWithoutAHeader() throws Exception {
    FileFixture files = new FileFixture(base);
    files.writeText("raw.csv", "A-1,5\nB-2,7,extra\n");

    List<JsonNode> records = files.records(files.read("raw.csv", null, null, false, null));

    assertThat(records.get(0).toString()).isEqualTo("{\"column1\":\"A-1\",\"column2\":\"5\"}");
    assertThat(records.get(1).get("column3").asText()).isEqualTo("extra");
  }

  @Test
  void writesWithoutAHeaderAndReadsItBack() throws Exception {
    FileFixture files = new FileFixture(base);
    files.write(
        new FileWrite.Input(
            FileFixture.CONNECTION,
            "raw.csv",
            null,
            null,
            null,
            false,
            null,
            null,
            files.dataset(List.of(row("part", "A-1", "qty", 5)))));

    assertThat(files.readText("raw.csv")).isEqualTo("A-1,5\n");
    assertThat(
            files
                .records(files.read("raw.csv", null, null, false, null))
                .get(0)
                .get("column2")
                .asText())
        .isEqualTo("5");
  }

  @Test
  void writesNestedValuesAsJsonTextAndDecimalsInPlainDigits() throws Exception {
    FileFixture files = new FileFixture(base);
    Map<String, Object> order =
        row(
            "orderNumber",
            "PO-1",
            "totalAmount",
            new BigDecimal("1E+3"),
            "lines",
            List.of(row("lineNumber", 1, "itemCode", "A,1")));

    files.write("orders.csv", List.of(order));

    JsonNode read = files.records(files.read("orders.csv")).get(0);
    assertThat(read.get("totalAmount").asText()).isEqualTo("1000");
    assertThat(Json.mapper().readTree(read.get("lines").asText()))
        .isEqualTo(Json.mapper().valueToTree(order.get("lines")));
  }

  @Test
  void fillsMissingFieldsOfLaterRecordsWithEmptyCells() throws Exception {
    FileFixture files = new FileFixture(base);

    files.write("parts.csv", List.of(row("part", "A", "qty", 1), row("part", "B")));

    assertThat(files.readText("parts.csv")).isEqualTo("part,qty\nA,1\nB,\n");
  }

  @Test
  void refusesAFieldTheFirstRecordDidNotHave() {
    FileFixture files = new FileFixture(base);

    assertThatThrownBy(
            () ->
                files.write(
                    "parts.csv", List.of(row("part", "A"), row("part", "B", "color", "red"))))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("UNKNOWN_FIELD"))
        .hasMessageContaining("Record 2")
        .hasMessageContaining("'color'");
    assertThat(files.file("parts.csv")).doesNotExist();
  }

  @Test
  void namesTheLineOfARowWithTooManyValues() throws Exception {
    FileFixture files = new FileFixture(base);
    files.writeText("bad.csv", "part,qty\nA,1\n\"B\nstill B\",2\nC,3,surplus\n");

    assertThatThrownBy(() -> files.read("bad.csv"))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("MALFORMED_FILE"))
        .hasMessageContaining("line 5")
        .hasMessageContaining("3 values");
  }

  @Test
  void namesTheLineOfAnUnclosedQuote() throws Exception {
    FileFixture files = new FileFixture(base);
    files.writeText("bad.csv", "part,qty\nA,1\n\"B,2\n");

    assertThatThrownBy(() -> files.read("bad.csv"))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("MALFORMED_FILE"))
        .hasMessageContaining("line");
  }

  @Test
  void refusesAHeaderThatNamesAColumnTwice() throws Exception {
    FileFixture files = new FileFixture(base);
    files.writeText("dup.csv", "part,part\nA,B\n");

    assertThatThrownBy(() -> files.read("dup.csv"))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("MALFORMED_FILE"))
        .hasMessageContaining("'part' twice");
  }

  @Test
  void skipsAByteOrderMark() throws Exception {
    FileFixture files = new FileFixture(base);
    files.writeText("excel.csv", "\uFEFFpart\nA\n");

    assertThat(files.records(files.read("excel.csv")).get(0).has("part")).isTrue();
  }

  @Test
  void storesRecordsUnderTheGivenEntity() throws Exception {
    FileFixture files = new FileFixture(base);
    files.writeText("parts.csv", "part\nA\n");

    ReadResult read =
        files.read(
            new FileRead.Input(
                FileFixture.CONNECTION, "parts.csv", null, null, null, null, null, "part"));

    assertThat(read.records().entity()).isEqualTo("part");
  }

  static Map<String, Object> row(Object... keysAndValues) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      row.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return row;
  }
}
