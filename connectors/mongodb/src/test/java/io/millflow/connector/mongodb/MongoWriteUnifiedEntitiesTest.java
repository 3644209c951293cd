package io.millflow.connector.mongodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.model.Address;
import io.millflow.model.PurchaseOrder;
import io.millflow.model.SourceRef;
import io.millflow.model.UnifiedRecords;
import io.millflow.step.Json;
import io.millflow.step.WriteResult;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every unified entity other than purchase orders (those have their own test): one typed document
 * per record keyed by its key, idempotent re-writes and newer-wins upserts. Records come from
 * fixtures/unified-entities.json.
 */
class MongoWriteUnifiedEntitiesTest {

  private static final Instant STORED = Instant.parse("2024-03-01T10:00:00Z");

  @RegisterExtension static final TestMongo mongo = new TestMongo();
  private static JsonNode fixtures;

  private WriteFixture fixture;

  @BeforeAll
  static void readFixtures() throws Exception {
    try (InputStream json =
        MongoWriteUnifiedEntitiesTest.class.getResourceAsStream(
            "/fixtures/unified-entities.json")) {
      fixtures = Json.mapper().readTree(json);
    }
  }

  @BeforeEach
  void freshDatabase() {
    fixture = new WriteFixture(mongo, 2);
  }

  static Stream<String> entities() {
    return UnifiedRecords.ENTITIES.keySet().stream()
        .filter(entity -> !entity.equals(PurchaseOrder.ENTITY));
  }

  @ParameterizedTest
  @MethodSource("entities")
  void writesOneTypedDocumentPerRecordKeyedByItsKey(String entity) throws Exception {
    Record record = record(entity, STORED, "v1");

    WriteResult result = write(entity, record);

    assertThat(List.of(result.inserted(), result.updated(), result.unchanged()))
        .containsExactly(1L, 0L, 0L);
    assertThat(result.target()).endsWith("." + CollectionName.forEntity(entity));
    Document stored = stored(entity).get(0);
    RecordComponent[] components = record.getClass().getRecordComponents();
    assertThat(stored.keySet())
        .containsExactlyElementsOf(
            Stream.of(components)
                .map(c -> c.getName().equals("key") ? "_id" : c.getName())
                .toList());
    assertThat(stored.get("_id")).isEqualTo(fixtures.path(entity).path("key").textValue());
    for (RecordComponent component : components) {
      Object value = component.getAccessor().invoke(record);
      Object bson = stored.get(component.getName().equals("key") ? "_id" : component.getName());
      assertThat(bson).as(entity + "." + component.getName()).isEqualTo(expectedBson(value, bson));
    }
    assertThat(stored.get("source", Document.class))
        .containsEntry("sourceUpdatedAt", Date.from(STORED));
  }

  @Test
  void keepsDecimalScaleDatesAndNestedAddressesAsTheModelHasThem() throws Exception {
    write("inventoryItem", record("inventoryItem", STORED, "v1"));
    write("vendor", record("vendor", Instant.parse("2024-03-01T10:00:00.123456Z"), "v1"));

    assertThat(stored("inventoryItem").get(0))
        .containsEntry("quantityOnHand", decimal("0.000"))
        .containsEntry("quantityAvailable", decimal("1234567890.1234567890"))
        .containsEntry("unitCost", decimal("0.0001"))
        .containsEntry("leadTimeDays", 14)
        .containsEntry("raw", null)
        .containsEntry("customFields", new Document("revision", "v1"));
    Document vendor = stored("vendor").get(0);
    assertThat(vendor.get("address", Document.class))
        .containsEntry("city", "Graz")
        .containsEntry("line2", null);
    assertThat(vendor.get("customFields", Document.class))
        .containsEntry("rating", decimal("4.50"))
        .containsEntry("tags", java.util.Arrays.asList("steel", null));
    // BSON dates hold milliseconds: the microseconds are dropped.
    assertThat(vendor.get("source", Document.class))
        .containsEntry("sourceUpdatedAt", Date.from(Instant.parse("2024-03-01T10:00:00.123Z")));
  }

  @ParameterizedTest
  @MethodSource("entities")
  void writingTheSameRecordsAgainLeavesThemUnchanged(String entity) throws Exception {
    write(entity, record(entity, STORED, "v1"));
    List<Document> first = stored(entity);

    WriteResult again = write(entity, record(entity, STORED, "v1"));

    assertThat(List.of(again.inserted(), again.updated(), again.unchanged()))
        .containsExactly(0L, 0L, 1L);
    assertThat(stored(entity)).isEqualTo(first);
  }

  @ParameterizedTest
  @MethodSource("entities")
  void anOlderVersionDoesNotOverwriteANewerOneAndANewerOneDoes(String entity) throws Exception {
    write(entity, record(entity, STORED, "v1"));

    WriteResult older = write(entity, record(entity, STORED.minusSeconds(60), "stale"));
    WriteResult newer = write(entity, record(entity, STORED.plusMillis(1), "v2"));

    assertThat(List.of(older.inserted(), older.updated(), older.unchanged(), older.skippedOlder()))
        .containsExactly(0L, 0L, 0L, 1L);
    assertThat(List.of(newer.inserted(), newer.updated(), newer.unchanged()))
        .containsExactly(0L, 1L, 0L);
    assertThat(stored(entity))
        .singleElement()
        .satisfies(
            d -> assertThat(d.get("customFields", Document.class)).containsEntry("revision", "v2"));
  }

  @Test
  void theGuardAloneKeepsANewerStoredRecord() throws Exception {
    var collection = fixture.collection("downtime_events").withDocumentClass(RawBsonDocument.class);
    collection.insertOne(UnifiedDocuments.of(record("downtimeEvent", STORED, "v1")).document());
    PendingWrite guarded =
        DocumentWrites.unified(
            record("downtimeEvent", STORED.minusSeconds(1), "stale"),
            "downtimeEvent",
            1,
            WriteMode.UPSERT);

    WriteCounts counts =
        BulkWrites.write(
            collection,
            List.of(new PendingWrite(1, guarded.key(), guarded.version(), guarded.model())));

    assertThat(counts).isEqualTo(new WriteCounts(0, 0, 0, 1));
    assertThat(stored("downtimeEvent").get(0).get("customFields", Document.class))
        .containsEntry("revision", "v1");
  }

  /**
   * The fixture record of an entity, with the given source updated-at and {@code
   * customFields.revision}.
   */
  private static Record record(String entity, Instant sourceUpdatedAt, String revision)
      throws Exception {
    ObjectNode json = fixtures.path(entity).deepCopy();
    ((ObjectNode) json.path("source")).put("sourceUpdatedAt", sourceUpdatedAt.toString());
    ((ObjectNode) json.path("customFields")).put("revision", revision);
    return Json.mapper().treeToValue(json, UnifiedRecords.ENTITIES.get(entity));
  }

  private WriteResult write(String entity, Record record) {
    return fixture.write(null, null, null, entity, List.of(record));
  }

  private List<Document> stored(String entity) {
    return fixture.documents(CollectionName.forEntity(entity), "_id");
  }

  /**
   * What a model value must be stored as; nested values are checked by type, their content by the
   * other tests.
   */
  private static Object expectedBson(Object value, Object stored) {
    return switch (value) {
      case null -> null;
      case BigDecimal decimal -> new Decimal128(decimal);
      case Instant instant -> Date.from(Instant.ofEpochMilli(instant.toEpochMilli()));
      case SourceRef source ->
          new Document("system", source.system())
              .append("connection", source.connection())
              .append("sourceId", source.sourceId())
              .append("sourceUpdatedAt", Date.from(source.sourceUpdatedAt()));
      case Address address ->
          new Document("name", address.name())
              .append("line1", address.line1())
              .append("line2", address.line2())
              .append("city", address.city())
              .append("region", address.region())
              .append("postalCode", address.postalCode())
              .append("country", address.country())
              .append("text", address.text());
      case Map<?, ?> map ->
          stored instanceof Document document && document.keySet().equals(map.keySet())
              ? stored
              : "a document with the keys " + new ArrayList<>(map.keySet());
      case JsonNode json -> stored instanceof Document ? stored : "a document";
      default -> value;
    };
  }

  private static Decimal128 decimal(String value) {
    return new Decimal128(new BigDecimal(value));
  }
}
