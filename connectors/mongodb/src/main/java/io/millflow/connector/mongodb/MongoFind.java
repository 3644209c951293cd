package io.millflow.connector.mongodb;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.millflow.step.Connection;
import io.millflow.step.DatasetRef;
import io.millflow.step.DatasetWriter;
import io.millflow.step.Param;
import io.millflow.step.ReadResult;
import io.millflow.step.Step;
import io.millflow.step.StepContext;
import io.millflow.step.StepFailure;
import io.millflow.step.StepType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.conversions.Bson;

/**
 * Finds documents in a MongoDB collection and streams them into a dataset of entity {@code row}, as
 * plain JSON. With a cursor field it reads incrementally: only documents whose field is greater
 * than {@code cursorAfter}, in that field's order, and returns the last value as the next cursor
 * (when it is a date). Example input: {@code {"connection": "plant-mongo", "collection":
 * "downtime", "filter": "{\"line\": {\"$param\": \"line\"}}", "parameters": {"line": "L1"},
 * "cursorField": "updatedAt"}}.
 */
@Singleton
@StepType(
    id = "mongodb.find",
    name = "Find in MongoDB",
    group = "Databases",
    timeoutSeconds = 900,
    description =
        "Reads documents matching a filter from a MongoDB collection, optionally only those changed since"
            + " the last run.")
public final class MongoFind implements Step<MongoFind.Input, ReadResult> {

  public static final String ENTITY = "row";
  private static final int PROGRESS_EVERY = 10_000;

  public record Input(
      @Param(label = "Connection", description = "A MongoDB connection") @NotBlank
          String connection,
      @Param(label = "Collection")
          @NotBlank
          @Pattern(
              regexp = CollectionName.PATTERN,
              message =
                  "must be a collection name (letters, digits, underscores, hyphens, inner dots)")
          String collection,
      @Param(
              label = "Filter",
              description = "JSON; {\"$param\": \"name\"} takes a value from Parameters")
          String filter,
      @Param(label = "Parameters", description = "Named values for the filter's placeholders")
          Map<String, Object> parameters,
      @Param(
              label = "Cursor field",
              description = "Read only documents whose field is after the cursor")
          String cursorField,
      @Param(
              label = "Cursor after",
              description = "Empty: where the last completed run stopped",
              cursor = true)
          String cursorAfter,
      @Param(label = "Limit", description = "Most documents to read; empty: all") @Positive
          Integer limit) {}

  private final MongoConnections connections;

  @Inject
  public MongoFind(MongoConnections connections) {
    this.connections = connections;
  }

  @Override
  public ReadResult run(Input input, StepContext context) {
    String collection = CollectionName.check(input.collection(), "collection");
    Bson query = query(input);
    Connection connection = context.connection(input.connection());
    MongoDatabase database = connections.database(connection);
    try (DatasetWriter writer = context.datasets().create(ENTITY)) {
      BsonValue last = read(database, collection, query, input, writer, context);
      DatasetRef records = writer.finish();
      String cursor = cursorText(last);
      context
          .log()
          .info(
              "Read "
                  + records.count()
                  + " documents from "
                  + database.getName()
                  + "."
                  + collection
                  + (input.cursorField() == null
                      ? ""
                      : "; last "
                          + input.cursorField()
                          + ": "
                          + (last == null ? "none" : BsonValues.toJson(last))));
      return new ReadResult(records, cursor);
    } catch (RuntimeException e) {
      throw MongoErrors.translate(e, connection.name(), "reading collection " + collection);
    }
  }

  private static BsonValue read(
      MongoDatabase database,
      String collection,
      Bson query,
      Input input,
      DatasetWriter writer,
      StepContext context) {
    FindIterable<BsonDocument> find =
        database.getCollection(collection, BsonDocument.class).find(query);
    if (hasCursor(input)) {
      find = find.sort(Sorts.ascending(input.cursorField()));
    }
    if (input.limit() != null) {
      find = find.limit(input.limit());
    }
    BsonValue last = null;
    try (MongoCursor<BsonDocument> documents = find.iterator()) {
      while (documents.hasNext()) {
        BsonDocument document = documents.next();
        writer.add(BsonValues.toJson(document));
        if (hasCursor(input) && document.containsKey(input.cursorField())) {
          last = document.get(input.cursorField());
        }
        if (writer.count() % PROGRESS_EVERY == 0) {
          context.progress(writer.count(), -1);
        }
      }
    }
    context.progress(writer.count(), writer.count());
    return last;
  }

  private static Bson query(Input input) {
    BsonDocument filter = FilterTemplate.bind(input.filter(), input.parameters());
    if (!hasCursor(input)) {
      return filter;
    }
    if (!input.cursorField().matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)*")) {
      throw new StepFailure(
          "INVALID_CURSOR_FIELD",
          "The step's 'cursorField' must be a field name or a dotted"
              + " path (letters, digits, underscores), for example: updatedAt or source.sourceUpdatedAt.");
    }
    if (input.cursorAfter() == null || input.cursorAfter().isBlank()) {
      return filter;
    }
    return Filters.and(
        filter, Filters.gt(input.cursorField(), cursorValue(input.cursorAfter().strip())));
  }

  /**
   * The last cursor value as the text {@link #cursorValue} reads back: an ISO-8601 instant for a
   * date, plain digits for a number, the text itself for a string; null for other types, which
   * cannot serve as a cursor.
   */
  static String cursorText(BsonValue last) {
    if (last == null) {
      return null;
    }
    return switch (last.getBsonType()) {
      case DATE_TIME -> Instant.ofEpochMilli(last.asDateTime().getValue()).toString();
      case INT32, INT64 -> String.valueOf(last.asNumber().longValue());
      case DOUBLE -> BigDecimal.valueOf(last.asDouble().getValue()).toPlainString();
      case DECIMAL128 -> last.asDecimal128().getValue().bigDecimalValue().toPlainString();
      case STRING -> last.asString().getValue();
      default -> null;
    };
  }

  /**
   * The cursor as the type it most likely has in the collection: an instant, a number, else text.
   */
  static Object cursorValue(String text) {
    try {
      return Date.from(Instant.parse(text));
    } catch (DateTimeParseException notAnInstant) {
      // not a date; try a number
    }
    if (text.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) {
      return BsonValues.decimal(new BigDecimal(text), "cursorAfter");
    }
    return text;
  }

  private static boolean hasCursor(Input input) {
    return input.cursorField() != null && !input.cursorField().isBlank();
  }
}
