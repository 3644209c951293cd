package io.millflow.connector.mongodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.step.Connection;
import io.millflow.step.ReadResult;
import io.millflow.step.StepFailure;
import io.millflow.step.testing.TestStepContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Parameterised filters, incremental reads and the JSON a read produces. */
class MongoFindTest {

  private static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");
  private static final ObjectId ID = new ObjectId("65e1a2b3c4d5e6f708192a3b");

  @RegisterExtension static final TestMongo mongo = new TestMongo();

  private TestStepContext context;
  private MongoFind step;

  @BeforeEach
  void downtimeEvents() {
    Connection connection = mongo.freshConnection("plant-mongo");
    context = new TestStepContext().withConnection(connection);
    step = new MongoFind(mongo.connections());
    mongo
        .connections()
        .database(connection)
        .getCollection("downtime")
        .insertMany(
            List.of(
                event(ID, "L1", 1, "12.50"),
                event(new ObjectId(), "L2", 2, "3"),
                event(new ObjectId(), "L1", 3, "0.75"),
                event(new ObjectId(), "L1", 4, "1")));
  }

  @Test
  void bindsNamedParametersIntoTheFilterAndReadsAfterTheCursor() {
    ReadResult result =
        find(
            "{\"line\": {\"$param\": \"line\"}, \"minutes\": {\"$gte\": {\"$param\": \"min\"}}}",
            Map.of("line", "L1", "min", new BigDecimal("0.5")),
            "endedAt",
            T0.plusSeconds(60).toString(),
            null);

    assertThat(rows(result))
        .extracting(row -> row.path("endedAt").asText())
        .containsExactly(T0.plusSeconds(180).toString(), T0.plusSeconds(240).toString());
    assertThat(result.cursor()).isEqualTo(T0.plusSeconds(240).toString());
    assertThat(result.records().entity()).isEqualTo("row");
  }

  @Test
  void readsDocumentsAsPlainJson() {
    ReadResult result =
        find(
            "{\"_id\": {\"$param\": \"id\", \"as\": \"objectId\"}}",
            Map.of("id", ID.toHexString()),
            null,
            null,
            null);

    JsonNode row = rows(result).get(0);
    assertThat(row.path("_id").asText()).isEqualTo("65e1a2b3c4d5e6f708192a3b");
    assertThat(row.path("minutes").decimalValue()).isEqualTo(new BigDecimal("12.50"));
    assertThat(row.path("endedAt").asText()).isEqualTo("2024-03-01T10:01:00Z");
    assertThat(row.path("operator").asText()).isEqualTo("Jürgen Öztürk");
    assertThat(row.path("reason").isNull()).isTrue();
    assertThat(result.cursor()).isNull();
  }

  @Test
  void limitsAnIncrementalReadAndReturnsTheLastCursorRead() {
    ReadResult result = find(null, null, "endedAt", null, 2);

    assertThat(result.records().count()).isEqualTo(2);
    assertThat(result.cursor()).isEqualTo(T0.plusSeconds(120).toString());
  }

  @Test
  void aParameterCannotInjectAnOperator() {
    assertThatThrownBy(
            () ->
                find(
                    "{\"line\": {\"$param\": \"line\"}}",
                    Map.of("line", Map.of("$ne", "x")),
                    null,
                    null,
                    null))
        .isInstanceOfSatisfying(
            StepFailure.class, f -> assertThat(f.code()).isEqualTo("INVALID_PARAMETER"));
  }

  @Test
  void aFilterNamingAnUnknownParameterFailsNamingIt() {
    assertThatThrownBy(
            () ->
                find(
                    "{\"line\": {\"$param\": \"lineId\"}}", Map.of("line", "L1"), null, null, null))
        .isInstanceOfSatisfying(
            StepFailure.class, f -> assertThat(f.code()).isEqualTo("UNKNOWN_PARAMETER"))
        .hasMessageContaining("'lineId'");
  }

  @Test
  void aFilterThatIsNotJsonFailsClearly() {
    assertThatThrownBy(() -> find("{line: ", Map.of(), null, null, null))
        .isInstanceOfSatisfying(
            StepFailure.class, f -> assertThat(f.code()).isEqualTo("INVALID_FILTER"));
  }

  private ReadResult find(
      String filter,
      Map<String, Object> parameters,
      String cursorField,
      String cursorAfter,
      Integer limit) {
    return step.run(
        new MongoFind.Input(
            "plant-mongo", "downtime", filter, parameters, cursorField, cursorAfter, limit),
        context);
  }

  private List<JsonNode> rows(ReadResult result) {
    return context.datasets().readAll(result.records(), JsonNode.class);
  }

  private static Document event(ObjectId id, String line, int minute, String minutes) {
    return new Document("_id", id)
        .append("line", line)
        .append("endedAt", Date.from(T0.plusSeconds(60L * minute)))
        .append("minutes", new Decimal128(new BigDecimal(minutes)))
        .append("operator", "Jürgen Öztürk")
        .append("reason", null);
  }
}
