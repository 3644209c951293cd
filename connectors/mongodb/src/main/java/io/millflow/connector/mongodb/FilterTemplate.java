package io.millflow.connector.mongodb;

import io.millflow.step.StepFailure;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInvalidOperationException;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.json.JsonParseException;
import org.bson.types.ObjectId;

/**
 * A find filter written as (extended) JSON with named placeholders: {@code {"status": {"$param":
 * "status"}}}. Values are bound as BSON values, never spliced into the text, and only scalars or
 * arrays of scalars are accepted, so a parameter can never smuggle in an operator such as {@code
 * {"$ne": null}}. {@code "as"} converts a text parameter: {@code {"$param": "since", "as": "date"}}
 * (also {@code decimal}, {@code objectId}).
 */
final class FilterTemplate {

  private FilterTemplate() {}

  static BsonDocument bind(String filter, Map<String, Object> parameters) {
    if (filter == null || filter.isBlank()) {
      return new BsonDocument();
    }
    BsonDocument template;
    try {
      template = BsonDocument.parse(filter);
    } catch (JsonParseException | BsonInvalidOperationException e) {
      throw new StepFailure(
          "INVALID_FILTER",
          "The step's 'filter' is not a JSON document: "
              + e.getMessage()
              + ". Write it as JSON, for example {\"status\": {\"$param\": \"status\"}}.",
          e);
    }
    return bindDocument(template, parameters == null ? Map.of() : parameters);
  }

  private static BsonValue bindValue(BsonValue value, Map<String, Object> parameters) {
    if (value.isDocument() && value.asDocument().containsKey("$param")) {
      return placeholder(value.asDocument(), parameters);
    }
    if (value.isDocument()) {
      return bindDocument(value.asDocument(), parameters);
    }
    if (value.isArray()) {
      BsonArray array = new BsonArray();
      value.asArray().forEach(element -> array.add(bindValue(element, parameters)));
      return array;
    }
    return value;
  }

  private static BsonDocument bindDocument(BsonDocument document, Map<String, Object> parameters) {
    BsonDocument bound = new BsonDocument();
    document.forEach((name, value) -> bound.put(name, bindValue(value, parameters)));
    return bound;
  }

  private static BsonValue placeholder(BsonDocument placeholder, Map<String, Object> parameters) {
    String name =
        placeholder.get("$param").isString() ? placeholder.getString("$param").getValue() : "";
    if (!parameters.containsKey(name)) {
      throw new StepFailure(
          "UNKNOWN_PARAMETER",
          "The step's 'filter' uses parameter '"
              + name
              + "', which is not"
              + " among its 'parameters' "
              + parameters.keySet()
              + ": add it, or correct the filter.");
    }
    Object value = parameters.get(name);
    if (value instanceof Map<?, ?>
        || value instanceof List<?> list
            && list.stream()
                .anyMatch(element -> element instanceof Map<?, ?> || element instanceof List<?>)) {
      throw new StepFailure(
          "INVALID_PARAMETER",
          "Parameter '"
              + name
              + "' must be a single value or a list of"
              + " values, not a document: filter operators belong in the step's 'filter'.");
    }
    String as = placeholder.containsKey("as") ? placeholder.get("as").asString().getValue() : "";
    Object converted =
        value instanceof List<?> list
            ? list.stream().map(v -> convert(v, as, name)).toList()
            : convert(value, as, name);
    return new Document("v", converted).toBsonDocument().get("v");
  }

  private static Object convert(Object value, String as, String name) {
    if (value == null || as.isEmpty()) {
      return value instanceof BigDecimal decimal ? BsonValues.decimal(decimal, name) : value;
    }
    String text = value.toString();
    try {
      return switch (as) {
        case "date" -> Date.from(Instant.parse(text));
        case "decimal" -> BsonValues.decimal(new BigDecimal(text), name);
        case "objectId" -> new ObjectId(text);
        default ->
            throw new StepFailure(
                "INVALID_FILTER",
                "The placeholder of parameter '"
                    + name
                    + "' has"
                    + " \"as\": \""
                    + as
                    + "\"; use date, decimal or objectId.");
      };
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw new StepFailure(
          "INVALID_PARAMETER",
          "Parameter '" + name + "' cannot be read as " + as + ": '" + text + "'.",
          e);
    }
  }
}
