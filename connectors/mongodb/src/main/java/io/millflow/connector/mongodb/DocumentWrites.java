package io.millflow.connector.mongodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import io.millflow.step.StepFailure;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;

/**
 * The bulk-write operation of one record, per write mode: unified records and generic JSON objects.
 */
final class DocumentWrites {

  private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
  private static final UpdateOptions INSERT_IF_ABSENT = new UpdateOptions().upsert(true);

  private DocumentWrites() {}

  /**
   * A unified record keyed by {@code _id}. Upserts are guarded: the filter only matches a stored
   * document whose source updated-at is not after the incoming one (or that has none), so an older
   * version never replaces a newer one; an incoming version without updated-at only replaces a
   * stored one without it either.
   */
  static PendingWrite unified(Record record, String entity, long recordNumber, WriteMode mode) {
    return unified(new UnifiedDocuments.Encoder(), record, entity, recordNumber, mode);
  }

  /** As above, encoding through {@code encoder}. */
  static PendingWrite unified(
      UnifiedDocuments.Encoder encoder,
      Record record,
      String entity,
      long recordNumber,
      WriteMode mode) {
    UnifiedDocuments.Encoded encoded = encoder.encode(record);
    if (!(encoded.key() instanceof String key) || key.isBlank()) {
      throw new StepFailure(
          "MISSING_KEY",
          "Record "
              + recordNumber
              + " of the dataset is a "
              + entity
              + " without"
              + " 'key': fix the step that produced it.");
    }
    RawBsonDocument document = encoded.document();
    if (mode == WriteMode.INSERT) {
      return new PendingWrite(
          recordNumber,
          key,
          encoded.version(),
          insertIfAbsent(new Document("_id", key), document, List.of("_id")));
    }
    return new PendingWrite(
        recordNumber,
        key,
        encoded.version(),
        new ReplaceOneModel<>(notNewer(key, encoded.version()), document, UPSERT),
        document,
        null);
  }

  /**
   * A generic record, field for field; without key fields every record is inserted as a new
   * document.
   */
  static PendingWrite row(
      JsonNode record, long recordNumber, WriteMode mode, List<String> keyFields) {
    if (!record.isObject()) {
      throw new StepFailure(
          "INVALID_RECORD",
          "Record "
              + recordNumber
              + " of the dataset is not a JSON object"
              + " (it is "
              + record.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
              + "): only objects can be"
              + " written as documents.");
    }
    RawBsonDocument document = BsonValues.rawDocument(record);
    if (keyFields.isEmpty()) {
      return new PendingWrite(recordNumber, null, null, new InsertOneModel<>(document));
    }
    Document filter = new Document();
    List<Object> key = new ArrayList<>(keyFields.size());
    for (String field : keyFields) {
      Object value = record.has(field) ? BsonValues.fromJson(record.get(field)) : null;
      if (value == null) {
        throw new StepFailure(
            "MISSING_KEY",
            "Record "
                + recordNumber
                + " of the dataset has no value for key"
                + " field '"
                + field
                + "': fix the records, or the step's 'keyFields'.");
      }
      filter.append(field, value);
      key.add(value);
    }
    WriteModel<RawBsonDocument> model =
        mode == WriteMode.INSERT
            ? insertIfAbsent(filter, document, keyFields)
            : new ReplaceOneModel<>(filter, document, UPSERT);
    return new PendingWrite(recordNumber, key, null, model);
  }

  private static Document notNewer(String key, Date version) {
    String storedVersion = UnifiedDocuments.SOURCE_UPDATED_AT;
    // _id stays a top-level equality (Filters.and would nest it in $and), so servers look the key
    // up in the _id index. {field: null} matches a null field and a missing one (also when 'source'
    // is null or missing).
    Document filter = new Document("_id", key);
    return version == null
        ? filter.append(storedVersion, null)
        : filter.append(
            "$or",
            List.of(
                new Document(storedVersion, new Document("$lte", version)),
                new Document(storedVersion, null)));
  }

  /**
   * Inserts the document when nothing matches the key; a stored document is left untouched
   * (matched, not modified).
   */
  private static WriteModel<RawBsonDocument> insertIfAbsent(
      Bson byKey, RawBsonDocument document, List<String> keyFields) {
    // On insert the key fields come from the filter's equalities; _id may not be set again. An
    // empty $setOnInsert is refused by older servers, so a document of key fields alone keeps them.
    BsonDocument onInsert = without(document, keyFields);
    if (onInsert.isEmpty()) {
      onInsert = without(document, List.of("_id"));
    }
    return new UpdateOneModel<>(
        byKey, new BsonDocument("$setOnInsert", onInsert), INSERT_IF_ABSENT);
  }

  private static BsonDocument without(RawBsonDocument document, List<String> fields) {
    BsonDocument rest = new BsonDocument();
    document.forEach(
        (name, value) -> {
          if (!fields.contains(name)) {
            rest.append(name, value);
          }
        });
    return rest;
  }
}
