package io.millflow.connector.snowflake;

import static io.millflow.connector.sql.testing.Orders.line;
import static io.millflow.connector.sql.testing.UnifiedSamples.T0;
import static io.millflow.connector.sql.testing.UnifiedSamples.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.connector.sql.PurchaseOrderLayout;
import io.millflow.connector.sql.SqlWriteInput;
import io.millflow.connector.sql.WriteMode;
import io.millflow.connector.sql.testing.Orders;
import io.millflow.model.PurchaseOrder;
import io.millflow.model.SourceRef;
import io.millflow.model.Vendor;
import io.millflow.step.Connection;
import io.millflow.step.DatasetRef;
import io.millflow.step.Json;
import io.millflow.step.StepFailure;
import io.millflow.step.WriteResult;
import io.millflow.step.testing.TestStepContext;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The staged load against a recording fake at the JDBC boundary: the exact statements, in order, in
 * and out of the transaction, the files PUT, and what a failure does. No Snowflake runs here;
 * README.md says what that leaves open.
 */
class SnowflakeWriteTest {

  static final Connection CONNECTION =
      new Connection(
          "lake",
          "snowflake",
          Map.of(
              "account",
              "myorg-myaccount",
              "warehouse",
              "LOAD_WH",
              "database",
              "MILL",
              "schema",
              "plant"),
          Map.of("username", "loader", "password", "s3cret-Pa55"));
  private static final String PUT =
      "PUT 'file:///[^']+/records_\\*\\.csv\\.gz' @\"MILLFLOW_LOAD\"/records/"
          + " AUTO_COMPRESS = FALSE SOURCE_COMPRESSION = GZIP PARALLEL = 4 OVERWRITE = TRUE";

  private final RecordingJdbc jdbc =
      new RecordingJdbc()
          .answer(
              "COUNT_IF",
              List.of("INSERTED", "UPDATED"),
              RecordingJdbc.rows(new Object[] {1L, 1L}));
  private final TestStepContext context = new TestStepContext().withConnection(CONNECTION);

  @Test
  void loadsUnifiedRecordsByPutCopyAndOneMergeInOneTransaction() {
    WriteResult result =
        write(
            Vendor.ENTITY,
            WriteMode.UPSERT,
            null,
            List.of(vendor("V-1", "Acme"), vendor("V-2", "Beta"), vendor("V-3", "Gamma")));

    assertSequence(
        jdbc.events(),
        "CREATE OR REPLACE TEMPORARY STAGE \"MILLFLOW_LOAD\"",
        "CREATE OR REPLACE TEMPORARY TABLE \"MILLFLOW_CHANGED\" (\"RECORD_SEQ\" NUMBER(19,0), \"INSERTED\" BOOLEAN)",
        "SELECT column_name, data_type FROM information_schema.columns",
        "bind 1: PLANT",
        "bind 2: VENDOR",
        "CREATE TABLE IF NOT EXISTS \"PLANT\".\"VENDOR\" (\"KEY\" VARCHAR, \"CODE\" VARCHAR,",
        "CREATE OR REPLACE TEMPORARY TABLE \"MILLFLOW_STAGE\" AS SELECT \"KEY\", \"CODE\",",
        "PUT ",
        "COPY INTO \"MILLFLOW_STAGE\" (\"KEY\",",
        "autoCommit: false",
        "INSERT INTO \"MILLFLOW_CHANGED\" (\"RECORD_SEQ\", \"INSERTED\")",
        "MERGE INTO \"PLANT\".\"VENDOR\" AS t",
        "SELECT COUNT_IF(\"INSERTED\") AS \"INSERTED\", COUNT_IF(NOT \"INSERTED\") AS \"UPDATED\"",
        "commit",
        "autoCommit: true");
    assertThat(statement("PUT")).matches(PUT);
    assertThat(statement("CREATE TABLE"))
        .endsWith(
            "\"CUSTOM_FIELDS\" VARIANT, \"RAW\" VARIANT, \"SYNCED_AT\""
                + " TIMESTAMP_TZ NOT NULL DEFAULT CURRENT_TIMESTAMP(), PRIMARY KEY (\"KEY\"))")
        .contains(
            "\"ACTIVE\" BOOLEAN", "\"ADDRESS_CITY\" VARCHAR", "\"SOURCE_UPDATED_AT\" TIMESTAMP_TZ");
    assertThat(statement("COPY INTO"))
        .endsWith(
            "PARSE_JSON($27), PARSE_JSON($28), $29"
                + " FROM @\"MILLFLOW_LOAD\"/records/) PURGE = TRUE");
    assertThat(statement("INSERT INTO \"MILLFLOW_CHANGED\""))
        .contains(
            "QUALIFY ROW_NUMBER() OVER (PARTITION BY \"KEY\" ORDER BY \"SOURCE_UPDATED_AT\" DESC NULLS LAST,"
                + " \"MILLFLOW_SEQ\" DESC) = 1",
            "LEFT JOIN \"PLANT\".\"VENDOR\" AS t ON t.\"KEY\" = s.\"KEY\"",
            "WHERE t.\"KEY\" IS NULL OR ((t.\"SOURCE_UPDATED_AT\" IS NULL OR s.\"SOURCE_UPDATED_AT\" >="
                + " t.\"SOURCE_UPDATED_AT\") AND NOT (EQUAL_NULL(t.\"CODE\", s.\"CODE\") AND ",
            "EQUAL_NULL(t.\"RAW\", s.\"RAW\")))");
    assertThat(statement("MERGE"))
        .contains(
            "USING (SELECT s.* FROM \"MILLFLOW_STAGE\" AS s JOIN \"MILLFLOW_CHANGED\" AS c"
                + " ON c.\"RECORD_SEQ\" = s.\"MILLFLOW_SEQ\") AS s\nON t.\"KEY\" = s.\"KEY\"\n",
            "t.\"RAW\" = s.\"RAW\", t.\"SYNCED_AT\" = CURRENT_TIMESTAMP()\n",
            "VALUES (s.\"KEY\", s.\"CODE\",",
            "s.\"RAW\", CURRENT_TIMESTAMP())");
    assertThat(List.of(result.target(), result.inserted(), result.updated(), result.unchanged()))
        .containsExactly("plant.vendor", 1L, 1L, 1L);
  }

  @Test
  void stagesQuotedGzipCsvWithUtcTimesJsonAndThePositionLast() {
    Vendor vendor =
        new Vendor(
            "V-1",
            null,
            "Line one\nline \"two\", €",
            "open",
            true,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            T0,
            new SourceRef("plex", "plex-prod", "s-1", T0.plusNanos(123_456_000)),
            Map.of("tier", 1),
            null);

    write(Vendor.ENTITY, WriteMode.UPSERT, null, List.of(vendor));

    assertThat(jdbc.uploaded()).containsOnlyKeys("records_0001.csv.gz");
    assertThat(jdbc.uploaded().get("records_0001.csv.gz"))
        .isEqualTo(
            "\"V-1\",,\"Line one\nline \"\"two\"\", €\","
                + "\"open\",\"true\","
                + ",".repeat(16)
                + "\"2024-03-01T10:00:00.000000000+00:00\",\"plex\",\"plex-prod\","
                + "\"s-1\",\"2024-03-01T10:00:00.123456000+00:00\",\"{\"\"tier\"\":1}\",,1\n");
  }

  @Test
  void chunksTheDatasetIntoFilesLoadedByOnePutAndOneCopy() {
    write(
        Vendor.ENTITY,
        WriteMode.UPSERT,
        null,
        List.of(vendor("V-1", "a"), vendor("V-2", "b"), vendor("V-3", "c")),
        2);

    assertThat(jdbc.uploaded()).containsOnlyKeys("records_0001.csv.gz", "records_0002.csv.gz");
    assertThat(jdbc.uploaded().get("records_0002.csv.gz")).startsWith("\"V-3\"").endsWith(",3\n");
    assertThat(stripped())
        .filteredOn(sql -> sql.startsWith("PUT") || sql.startsWith("COPY INTO"))
        .hasSize(2);
  }

  @Test
  void insertModeAddsOnlyNewKeysWithoutAMerge() {
    write(Vendor.ENTITY, WriteMode.INSERT, null, List.of(vendor("V-1", "Acme")));

    assertThat(statement("INSERT INTO \"MILLFLOW_CHANGED\"")).endsWith("WHERE t.\"KEY\" IS NULL");
    assertThat(statement("INSERT INTO \"PLANT\".\"VENDOR\""))
        .contains("SELECT s.\"KEY\", s.\"CODE\",")
        .endsWith("JOIN \"MILLFLOW_CHANGED\" AS c ON c.\"RECORD_SEQ\" = s.\"MILLFLOW_SEQ\"");
    assertThat(stripped()).noneMatch(sql -> sql.startsWith("MERGE"));
  }

  @Test
  void replaceTruncatesTheTargetInsideTheLoadTransaction() {
    write(Vendor.ENTITY, WriteMode.REPLACE, null, List.of(vendor("V-1", "Acme")));

    List<String> events = summaries(jdbc.events());
    int begin = events.indexOf("autoCommit: false");
    assertThat(events.get(begin + 1)).isEqualTo("TRUNCATE TABLE \"PLANT\".\"VENDOR\"");
    assertThat(events.subList(begin, events.size())).contains("commit").doesNotContain("rollback");
  }

  @Test
  void extendsAnExistingTableWithOnlyTheColumnsItLacks() {
    List<Object[]> columns = new ArrayList<>();
    io.millflow.connector.sql.EntityLayout.of(Vendor.class).tableColumns().stream()
        .map(column -> column.name().toUpperCase(java.util.Locale.ROOT))
        .filter(name -> !name.equals("WEBSITE") && !name.equals("RAW"))
        .forEach(
            name ->
                columns.add(
                    new Object[] {name, name.equals("CUSTOM_FIELDS") ? "VARIANT" : "TEXT"}));
    jdbc.answer(
        "information_schema.columns",
        List.of("COLUMN_NAME", "DATA_TYPE"),
        RecordingJdbc.rows(columns.toArray(Object[][]::new)));

    write(Vendor.ENTITY, WriteMode.UPSERT, null, List.of(vendor("V-1", "Acme")));

    assertThat(stripped()).noneMatch(sql -> sql.startsWith("CREATE TABLE"));
    assertThat(stripped().stream().filter(sql -> sql.startsWith("ALTER")))
        .containsExactly(
            "ALTER TABLE \"PLANT\".\"VENDOR\" ADD COLUMN IF NOT EXISTS \"WEBSITE\" VARCHAR",
            "ALTER TABLE \"PLANT\".\"VENDOR\" ADD COLUMN IF NOT EXISTS \"RAW\" VARIANT");
  }

  @Test
  void replacesTheLinesOfChangedPurchaseOrders() {
    PurchaseOrder order =
        new PurchaseOrder(
            "PO-1",
            "4711",
            "V-1",
            "open",
            null,
            "EUR",
            T0,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            new BigDecimal("12.50"),
            T0,
            T0,
            List.of(line(1, "2.5"), line(2, "10")),
            new SourceRef("plex", "plex-prod", "po-1", T0),
            Map.of(),
            null);

    write(PurchaseOrder.ENTITY, WriteMode.UPSERT, null, List.of(order));

    assertThat(jdbc.uploaded()).containsOnlyKeys("lines_0001.csv.gz", "records_0001.csv.gz");
    assertThat(jdbc.uploaded().get("lines_0001.csv.gz").lines())
        .allSatisfy(line -> assertThat(line).startsWith("\"PO-1\",").endsWith(",1"));
    assertThat(stripped())
        .anyMatch(
            sql ->
                sql.startsWith(
                    "CREATE TABLE IF NOT EXISTS" + " \"PLANT\".\"PURCHASE_ORDER_LINE\""));
    List<String> events = summaries(jdbc.events());
    assertThat(events.subList(events.indexOf("autoCommit: false"), events.size()))
        .extracting(e -> e.split("\n")[0])
        .containsExactly(
            "autoCommit: false",
            "INSERT INTO \"MILLFLOW_CHANGED\" (\"RECORD_SEQ\", \"INSERTED\")",
            "MERGE INTO \"PLANT\".\"PURCHASE_ORDER\" AS t",
            "DELETE FROM \"PLANT\".\"PURCHASE_ORDER_LINE\" AS l",
            "INSERT INTO \"PLANT\".\"PURCHASE_ORDER_LINE\" ("
                + String.join(
                    ", ",
                    PurchaseOrderLayout.LINE_COLUMNS.stream()
                        .map(c -> "\"" + c.name().toUpperCase(java.util.Locale.ROOT) + "\"")
                        .toList())
                + ", \"SYNCED_AT\")",
            "SELECT COUNT_IF(\"INSERTED\") AS \"INSERTED\", COUNT_IF(NOT \"INSERTED\") AS \"UPDATED\" FROM"
                + " \"MILLFLOW_CHANGED\"",
            "commit",
            "autoCommit: true");
  }

  @Test
  void stagesALinesDeliveryScheduleAsJsonForAVariantColumn() throws Exception {
    write(
        PurchaseOrder.ENTITY,
        WriteMode.UPSERT,
        null,
        List.of(Orders.order("PO-1", T0, "open", Orders.lineWithDeliveries(1))));

    String schedule = Json.mapper().writeValueAsString(Orders.deliveries());
    assertThat(jdbc.uploaded().get("lines_0001.csv.gz"))
        .contains("\"" + schedule.replace("\"", "\"\"") + "\"");
    assertThat(stripped())
        .anyMatch(
            sql ->
                sql.startsWith("CREATE TABLE IF NOT EXISTS \"PLANT\".\"PURCHASE_ORDER_LINE\"")
                    && sql.contains("\"DELIVERIES\" VARIANT"));
  }

  @Test
  void rollsBackAndNamesTheProblemWithoutTheStatementWhenSnowflakeRefusesAValue() {
    jdbc.failOn(
        "^MERGE|\nMERGE",
        new SQLException(
            "Numeric value 'abc' is not recognized\n  MERGE INTO ...", "22018", 100038));

    assertThatThrownBy(
            () -> write(Vendor.ENTITY, WriteMode.UPSERT, null, List.of(vendor("V-1", "Acme"))))
        .isInstanceOfSatisfying(
            StepFailure.class,
            failure -> {
              assertThat(failure.code()).isEqualTo("INVALID_DATA");
              assertThat(failure.getMessage())
                  .contains("Numeric value 'abc' is not recognized", "plant.vendor")
                  .doesNotContain("MERGE", "s3cret");
            });
    List<String> events = jdbc.events();
    assertThat(events.subList(events.indexOf("autoCommit: false"), events.size()))
        .contains("rollback", "autoCommit: true")
        .doesNotContain("commit");
  }

  @Test
  void writesGenericRowsMergedOnTheirKeyFieldsWithoutVersionRule() {
    write(
        "row",
        WriteMode.UPSERT,
        "plantId, sku",
        List.of(
            Map.of("plantId", 1, "sku", "A-1", "qty", 2.5, "seenAt", "2024-03-01T10:00:00Z"),
            Map.of("plantId", 1, "sku", "A-2", "qty", 3, "seenAt", "2024-03-01T11:00:00+01:00")));

    assertThat(statement("CREATE TABLE"))
        .contains(
            "\"PLANT_ID\" NUMBER(38,10)",
            "\"SEEN_AT\" TIMESTAMP_TZ",
            "PRIMARY KEY (\"PLANT_ID\", \"SKU\")")
        .doesNotContain("SYNCED_AT");
    assertThat(statement("INSERT INTO \"MILLFLOW_CHANGED\""))
        .contains(
            "PARTITION BY \"PLANT_ID\", \"SKU\" ORDER BY" + " \"MILLFLOW_SEQ\" DESC",
            "t.\"PLANT_ID\" = s.\"PLANT_ID\" AND t.\"SKU\" = s.\"SKU\"",
            "OR (TRUE AND NOT (");
    assertThat(statement("MERGE")).doesNotContain("SYNCED_AT");
    assertThat(jdbc.uploaded().get("records_0001.csv.gz"))
        .contains("\"2024-03-01T10:00:00.000000000+00:00\"");
  }

  private WriteResult write(String entity, WriteMode mode, String keyFields, List<?> records) {
    return write(entity, mode, keyFields, records, 1_000);
  }

  private WriteResult write(
      String entity, WriteMode mode, String keyFields, List<?> records, int rowsPerFile) {
    DatasetRef ref = context.datasets().put(entity, records);
    return new SnowflakeWrite(connection -> jdbc.dataSource(), rowsPerFile)
        .run(new SqlWriteInput("lake", null, mode, keyFields, ref), context);
  }

  private static Vendor vendor(String key, String name) {
    Vendor sample = (Vendor) sample(Vendor.ENTITY, key, T0, "open");
    return new Vendor(
        key,
        sample.code(),
        name,
        sample.status(),
        sample.active(),
        null,
        null,
        null,
        null,
        null,
        null,
        sample.address(),
        null,
        T0,
        T0,
        sample.source(),
        sample.customFields(),
        sample.raw());
  }

  /** The one statement starting with {@code start} (after its comments), without comment lines. */
  private String statement(String start) {
    List<String> matching = stripped().stream().filter(sql -> sql.startsWith(start)).toList();
    assertThat(matching).as("statements starting with " + start).hasSize(1);
    return matching.get(0);
  }

  /** The statements sent, without their comment lines. */
  private List<String> stripped() {
    return jdbc.statements().stream().map(SnowflakeWriteTest::strip).toList();
  }

  /** Events with statements stripped of their comment lines. */
  private static List<String> summaries(List<String> events) {
    return events.stream().map(e -> e.startsWith("execute: ") ? strip(e.substring(9)) : e).toList();
  }

  private static void assertSequence(List<String> events, String... prefixes) {
    List<String> summaries = summaries(events);
    assertThat(summaries).hasSize(prefixes.length);
    for (int i = 0; i < prefixes.length; i++) {
      assertThat(summaries.get(i)).as("event " + i).startsWith(prefixes[i]);
    }
  }

  private static String strip(String sql) {
    return sql.lines()
        .filter(line -> !line.startsWith("--"))
        .collect(Collectors.joining("\n"))
        .strip();
  }
}
