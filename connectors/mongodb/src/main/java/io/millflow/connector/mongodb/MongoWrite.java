package io.millflow.connector.mongodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.millflow.model.UnifiedRecords;
import io.millflow.step.Connection;
import io.millflow.step.DatasetRef;
import io.millflow.step.Param;
import io.millflow.step.Step;
import io.millflow.step.StepContext;
import io.millflow.step.StepFailure;
import io.millflow.step.StepType;
import io.millflow.step.WriteResult;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.RawBsonDocument;

/**
 * Writes a dataset to a MongoDB collection with unordered bulk writes. Records of a unified entity
 * (purchase orders, vendors, inventory items, work orders, assets, downtime events, production
 * records) become one document each, keyed by the record's key, purchase-order lines embedded
 * (layout in README.md), and an older source version never replaces a newer one; any other entity
 * is written field for field. Example input: {@code {"connection": "plant-mongo", "records":
 * "=orders"}}.
 */
@Singleton
@StepType(
    id = "mongodb.write",
    name = "Write to MongoDB",
    group = "Databases",
    timeoutSeconds = 900,
    description =
        "Writes a dataset to a MongoDB collection: insert, upsert on its key, or replace its documents.")
public final class MongoWrite implements Step<MongoWrite.Input, WriteResult> {

  static final int DEFAULT_BATCH_SIZE = 1_000;
  static final String KEY_FIELDS =
      "\\s*[A-Za-z_][A-Za-z0-9_]*(\\s*,\\s*[A-Za-z_][A-Za-z0-9_]*)*\\s*";

  public record Input(
      @Param(label = "Connection", description = "A MongoDB connection") @NotBlank
          String connection,
      @Param(
              label = "Collection",
              description = "Empty: named after the records' entity (purchase_orders)")
          String collection,
      @Param(label = "Mode", defaultValue = "upsert") WriteMode mode,
      @Param(
              label = "Key fields",
              description = "Comma-separated fields identifying a record; empty: the entity's key")
          @Pattern(regexp = KEY_FIELDS, message = "must be comma-separated field names")
          String keyFields,
      @Param(label = "Records", description = "The dataset to write, e.g. =orders") @NotNull @Valid
          DatasetRef records) {}

  private final MongoConnections connections;
  private final int batchSize;

  @Inject
  public MongoWrite(MongoConnections connections) {
    this(connections, DEFAULT_BATCH_SIZE);
  }

  MongoWrite(MongoConnections connections, int batchSize) {
    this.connections = connections;
    this.batchSize = batchSize;
  }

  @Override
  public WriteResult run(Input input, StepContext context) {
    Instant start = context.clock().instant();
    WriteTarget target = WriteTarget.of(input);
    Connection connection = context.connection(input.connection());
    MongoDatabase database = connections.database(connection);
    WriteCounts counts;
    try {
      counts =
          write(
              database.getCollection(target.collection(), RawBsonDocument.class),
              input.records(),
              target,
              context);
    } catch (RuntimeException e) {
      throw MongoErrors.translate(
          e, connection.name(), "writing collection " + target.collection());
    }
    long millis = Duration.between(start, context.clock().instant()).toMillis();
    String where = database.getName() + "." + target.collection();
    context
        .log()
        .info(
            "Wrote "
                + counts.total()
                + " "
                + input.records().entity()
                + " records to "
                + where
                + " ("
                + target.mode().name().toLowerCase(Locale.ROOT)
                + "): "
                + counts.inserted()
                + " inserted, "
                + counts.updated()
                + " updated, "
                + counts.unchanged()
                + " unchanged, "
                + counts.skippedOlder()
                + " older than stored, in "
                + millis
                + " ms");
    return new WriteResult(
        where,
        counts.inserted(),
        counts.updated(),
        counts.unchanged(),
        counts.skippedOlder(),
        null,
        millis);
  }

  private WriteCounts write(
      MongoCollection<RawBsonDocument> collection,
      DatasetRef records,
      WriteTarget target,
      StepContext context) {
    LongConsumer progress = done -> context.progress(done, records.count());
    if (target.mode() == WriteMode.REPLACE) {
      // No transaction spans a delete and a bulk load here: readers see the collection empty, then
      // filling (README).
      collection.deleteMany(new Document());
    }
    try {
      if (target.unifiedType() != null) {
        UnifiedDocuments.Encoder encoder = new UnifiedDocuments.Encoder();
        try (Stream<? extends Record> unified =
            context.datasets().read(records, target.unifiedType())) {
          return Batches.write(
              unified,
              batchSize,
              collection,
              (record, number) ->
                  DocumentWrites.unified(encoder, record, records.entity(), number, target.mode()),
              progress);
        }
      }
      KeyIndex.ensure(collection, target.keyFields());
      try (Stream<JsonNode> rows = context.datasets().read(records, JsonNode.class)) {
        return Batches.write(
            rows,
            batchSize,
            collection,
            (row, number) -> DocumentWrites.row(row, number, target.mode(), target.keyFields()),
            progress);
      }
    } catch (UncheckedIOException e) {
      throw unreadable(e, records);
    }
  }

  private static RuntimeException unreadable(UncheckedIOException e, DatasetRef records) {
    if (e.getCause() instanceof JsonProcessingException json) {
      return new StepFailure(
          "INVALID_RECORD",
          "A record of dataset "
              + records.dataset()
              + " cannot be read as "
              + records.entity()
              + ": "
              + json.getOriginalMessage()
              + ". Fix the step that produced it.",
          e);
    }
    return e;
  }

  /**
   * Where and how one run writes: the collection, the mode, the key fields, and the model class
   * when the records are a unified entity (null for a generic dataset); checked before any database
   * work.
   */
  record WriteTarget(
      String collection,
      WriteMode mode,
      List<String> keyFields,
      Class<? extends Record> unifiedType) {

    static WriteTarget of(Input input) {
      String entity = input.records().entity();
      Class<? extends Record> unified = UnifiedRecords.ENTITIES.get(entity);
      WriteMode mode = input.mode() == null ? WriteMode.UPSERT : input.mode();
      String collection =
          input.collection() == null || input.collection().isBlank()
              ? CollectionName.check(CollectionName.forEntity(entity), "collection")
              : CollectionName.check(input.collection().strip(), "collection");
      List<String> keys = keyFields(input.keyFields());
      if (unified != null && !keys.isEmpty() && !keys.equals(List.of(UnifiedDocuments.KEY))) {
        throw new StepFailure(
            "INVALID_KEY_FIELDS",
            entity
                + " records are always keyed by their 'key' (stored"
                + " as _id): leave the step's 'keyFields' empty.");
      }
      if (unified == null && keys.isEmpty() && mode == WriteMode.UPSERT) {
        throw new StepFailure(
            "MISSING_KEY_FIELDS",
            "Upserting '"
                + entity
                + "' records into "
                + collection
                + " needs the fields that identify a record: set the step's 'keyFields' (for example: id), or choose"
                + " mode insert or replace.");
      }
      return new WriteTarget(collection, mode, unified != null ? List.of() : keys, unified);
    }

    private static List<String> keyFields(String keyFields) {
      if (keyFields == null || keyFields.isBlank()) {
        return List.of();
      }
      if (!keyFields.matches(KEY_FIELDS)) {
        throw new StepFailure(
            "INVALID_KEY_FIELDS",
            "The step's 'keyFields' must be comma-separated field names"
                + " (letters, digits, underscores), for example: orderId, lineNumber.");
      }
      return Arrays.stream(keyFields.split(",")).map(String::strip).distinct().toList();
    }
  }
}
