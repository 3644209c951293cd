package io.millflow.connector.mongodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.step.StepFailure;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.bson.BsonBinaryWriter;
import org.bson.BsonValue;
import org.bson.BsonWriter;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.Decimal128;

/**
 * JSON to BSON and back. Numbers with a fraction become Decimal128 (never double), so money stays
 * exact; whole numbers become int32 or int64 when they fit. Reading, Decimal128 becomes a JSON
 * decimal, dates ISO-8601 instants, ObjectIds hex strings.
 */
final class BsonValues {

  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private BsonValues() {}

  /** A JSON value as a value the driver's Document codec writes. */
  static Object fromJson(JsonNode node) {
    return switch (node.getNodeType()) {
      case NULL, MISSING -> null;
      case BOOLEAN -> node.booleanValue();
      case STRING -> node.textValue();
      case NUMBER -> number(node);
      case ARRAY -> {
        List<Object> list = new ArrayList<>(node.size());
        node.forEach(element -> list.add(fromJson(element)));
        yield list;
      }
      case OBJECT -> document(node);
      case BINARY, POJO -> node.toString();
    };
  }

  private static Document document(JsonNode object) {
    Document document = new Document();
    object
        .properties()
        .forEach(field -> document.append(field.getKey(), fromJson(field.getValue())));
    return document;
  }

  /** A JSON object as the BSON document {@link #write} makes of it. */
  static RawBsonDocument rawDocument(JsonNode object) {
    BasicOutputBuffer buffer = new BasicOutputBuffer(1_024);
    try (BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
      write(writer, object);
    }
    return new RawBsonDocument(buffer.getInternalBuffer(), 0, buffer.getPosition());
  }

  /** Writes a JSON value as {@link #fromJson} maps it, straight to BSON. */
  static void write(BsonWriter writer, JsonNode node) {
    switch (node.getNodeType()) {
      case NULL, MISSING -> writer.writeNull();
      case BOOLEAN -> writer.writeBoolean(node.booleanValue());
      case STRING -> writer.writeString(node.textValue());
      case NUMBER -> writeNumber(writer, number(node));
      case ARRAY -> {
        writer.writeStartArray();
        node.forEach(element -> write(writer, element));
        writer.writeEndArray();
      }
      case OBJECT -> {
        writer.writeStartDocument();
        node.properties()
            .forEach(
                field -> {
                  writer.writeName(field.getKey());
                  write(writer, field.getValue());
                });
        writer.writeEndDocument();
      }
      case BINARY, POJO -> writer.writeString(node.toString());
    }
  }

  /**
   * Writes a Java value (what Jackson makes of JSON, as in {@code customFields}) as its JSON tree
   * would be written: what Jackson makes of JSON directly, anything else through the tree.
   */
  static void writeJava(BsonWriter writer, Object value) {
    switch (value) {
      case null -> writer.writeNull();
      case String text -> writer.writeString(text);
      case Boolean flag -> writer.writeBoolean(flag);
      case Integer number -> writer.writeInt32(number);
      case Long number -> writer.writeInt64(number);
      case BigDecimal number -> writer.writeDecimal128(decimal(number, "a number"));
      case Map<?, ?> map when map.keySet().stream().allMatch(String.class::isInstance) -> {
        writer.writeStartDocument();
        map.forEach(
            (name, element) -> {
              writer.writeName((String) name);
              writeJava(writer, element);
            });
        writer.writeEndDocument();
      }
      case List<?> list -> {
        writer.writeStartArray();
        list.forEach(element -> writeJava(writer, element));
        writer.writeEndArray();
      }
      default -> write(writer, io.millflow.step.Json.mapper().valueToTree(value));
    }
  }

  private static void writeNumber(BsonWriter writer, Object number) {
    switch (number) {
      case Integer value -> writer.writeInt32(value);
      case Long value -> writer.writeInt64(value);
      default -> writer.writeDecimal128((Decimal128) number);
    }
  }

  static Decimal128 decimal(BigDecimal value, String field) {
    if (value == null) {
      return null;
    }
    try {
      return new Decimal128(value);
    } catch (NumberFormatException e) {
      throw tooManyDigits(value, field, e);
    }
  }

  static StepFailure tooManyDigits(BigDecimal value, String field, Exception cause) {
    return new StepFailure(
        "INVALID_DATA",
        "The value of '"
            + field
            + "' has more than the 34 significant digits"
            + " MongoDB's Decimal128 holds exactly ("
            + value.precision()
            + " digits): round it in an earlier step.",
        cause);
  }

  private static Object number(JsonNode node) {
    if (node.isInt()) {
      return node.intValue();
    }
    if (node.isLong()) {
      return node.longValue();
    }
    if (node.isBigInteger()) {
      return decimal(new BigDecimal((BigInteger) node.bigIntegerValue()), "a number");
    }
    return decimal(node.decimalValue(), "a number");
  }

  /** A document read from MongoDB as plain JSON. */
  static ObjectNode toJson(org.bson.BsonDocument document) {
    ObjectNode object = NODES.objectNode();
    document.forEach((name, value) -> object.set(name, toJson(value)));
    return object;
  }

  static JsonNode toJson(BsonValue value) {
    return switch (value.getBsonType()) {
      case DOCUMENT -> toJson(value.asDocument());
      case ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        value.asArray().forEach(element -> array.add(toJson(element)));
        yield array;
      }
      case DOUBLE -> NODES.numberNode(value.asDouble().getValue());
      case INT32 -> NODES.numberNode(value.asInt32().getValue());
      case INT64 -> NODES.numberNode(value.asInt64().getValue());
      case DECIMAL128 -> decimalJson(value.asDecimal128().getValue());
      case STRING -> NODES.textNode(value.asString().getValue());
      case BOOLEAN -> NODES.booleanNode(value.asBoolean().getValue());
      case DATE_TIME ->
          NODES.textNode(Instant.ofEpochMilli(value.asDateTime().getValue()).toString());
      case OBJECT_ID -> NODES.textNode(value.asObjectId().getValue().toHexString());
      case BINARY -> NODES.textNode(Base64.getEncoder().encodeToString(value.asBinary().getData()));
      case TIMESTAMP -> NODES.numberNode(value.asTimestamp().getValue());
      case NULL, UNDEFINED -> NODES.nullNode();
      default -> NODES.textNode(value.toString());
    };
  }

  private static JsonNode decimalJson(Decimal128 decimal) {
    // NaN and infinities have no JSON number; keep them readable instead of failing the whole read.
    if (decimal.isNaN() || decimal.isInfinite()) {
      return NODES.textNode(decimal.toString());
    }
    // bigDecimalValue() refuses -0, which BigDecimal cannot hold; it is zero all the same.
    return NODES.numberNode(
        decimal.isNegative() && decimal.toString().matches("-0(\\.0*)?(E.*)?")
            ? BigDecimal.ZERO
            : decimal.bigDecimalValue());
  }
}
