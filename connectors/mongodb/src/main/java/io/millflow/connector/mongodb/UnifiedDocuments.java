package io.millflow.connector.mongodb;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.model.SourceRef;
import io.millflow.step.StepFailure;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.bson.BsonBinaryWriter;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.BsonWriter;
import org.bson.RawBsonDocument;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.Decimal128;

/**
 * The stable document layout of every unified entity (README.md): one document per record, {@code
 * _id} = the record's {@code key}, then the model's other fields under their camelCase names in the
 * model's order; nested records ({@code source}, addresses, purchase-order lines) as embedded
 * documents, decimals as Decimal128, times as BSON dates, {@code customFields} and {@code raw} as
 * JSON mapped by {@link BsonValues}. Every field is written, null when the record has no value, so
 * all documents of an entity have the same shape. The layout follows the model's record components,
 * so a field added to the model is written without a change here.
 *
 * <p>The record is written straight to BSON bytes: no intermediate {@code Document}, and the driver
 * sends the bytes as they are (a {@code RawBsonDocument} needs no codec lookups).
 */
final class UnifiedDocuments {

  /** Where the stored source updated-at lives; the newer-wins filter compares it. */
  static final String SOURCE_UPDATED_AT = "source.sourceUpdatedAt";

  static final String KEY = "key";
  private static final String SOURCE = "source";

  /**
   * Room for a purchase order of a few lines, so most documents are written without growing the
   * buffer.
   */
  private static final int INITIAL_BYTES = 4_096;

  private static final ClassValue<List<Field>> FIELDS =
      new ClassValue<>() {
        @Override
        protected List<Field> computeValue(Class<?> type) {
          return Arrays.stream(type.getRecordComponents()).map(Field::of).toList();
        }
      };

  /**
   * One record as its document: the BSON, its key ({@code _id}, null when the record has none) and
   * its source updated-at as stored (milliseconds; null when unknown).
   */
  record Encoded(RawBsonDocument document, Object key, Date version) {}

  private UnifiedDocuments() {}

  /** The document of a unified record; its {@code key} becomes {@code _id}. */
  static Encoded of(Record record) {
    return new Encoder().encode(record);
  }

  /**
   * Writes documents one after the other through one buffer, so each costs only its own bytes (a
   * fresh buffer would start at a guess and grow); one thread at a time.
   */
  static final class Encoder {

    private final BasicOutputBuffer buffer = new BasicOutputBuffer(INITIAL_BYTES);

    /** The document of a unified record; its {@code key} becomes {@code _id}. */
    Encoded encode(Record record) {
      buffer.truncateToPosition(0);
      // Not closed: closing the writer has nothing to release, and the buffer is used again.
      BsonBinaryWriter writer = new BsonBinaryWriter(buffer);
      Object key = null;
      Date version = null;
      try {
        writer.writeStartDocument();
        for (Field field : FIELDS.get(record.getClass())) {
          Object value = field.valueOf(record);
          if (field.name().equals(KEY)) {
            key = value;
            writer.writeName("_id");
          } else {
            writer.writeName(field.name());
          }
          if (field.name().equals(SOURCE)
              && value instanceof SourceRef source
              && source.sourceUpdatedAt() != null) {
            version = Date.from(source.sourceUpdatedAt());
          }
          write(writer, value, field.name());
        }
        writer.writeEndDocument();
      } catch (DecimalTooLong e) {
        throw e.failure();
      }
      return new Encoded(new RawBsonDocument(buffer.toByteArray()), key, version);
    }
  }

  /**
   * The source updated-at of a stored document: BSON dates hold milliseconds, so this is what the
   * filter compares.
   */
  static Date sourceUpdatedAt(BsonDocument document) {
    BsonValue source = document.get(SOURCE);
    BsonValue date =
        source != null && source.isDocument() ? source.asDocument().get("sourceUpdatedAt") : null;
    return date != null && date.isDateTime() ? new Date(date.asDateTime().getValue()) : null;
  }

  private static void writeRecord(BsonWriter writer, Record record) {
    writer.writeStartDocument();
    for (Field field : FIELDS.get(record.getClass())) {
      writer.writeName(field.name());
      write(writer, field.valueOf(record), field.name());
    }
    writer.writeEndDocument();
  }

  private static void write(BsonWriter writer, Object value, String name) {
    try {
      switch (value) {
        case null -> writer.writeNull();
        case String text -> writer.writeString(text);
        case Integer number -> writer.writeInt32(number);
        case Long number -> writer.writeInt64(number);
        case Boolean flag -> writer.writeBoolean(flag);
        case BigDecimal decimal -> writer.writeDecimal128(decimal128(decimal));
        // BSON dates are milliseconds since the epoch: finer digits are dropped (README.md).
        case Instant instant -> writer.writeDateTime(instant.toEpochMilli());
        case JsonNode json -> BsonValues.write(writer, json);
        case Map<?, ?> map -> BsonValues.writeJava(writer, map);
        case List<?> list -> {
          writer.writeStartArray();
          list.forEach(element -> write(writer, element, null));
          writer.writeEndArray();
        }
        case Record nested -> writeRecord(writer, nested);
        default ->
            throw new IllegalStateException(
                "The unified model's field '"
                    + name
                    + "' has a type ("
                    + value.getClass().getName()
                    + ") without a BSON mapping: add one to UnifiedDocuments.");
      }
    } catch (DecimalTooLong e) {
      throw e.within(name);
    }
  }

  private static Decimal128 decimal128(BigDecimal decimal) {
    try {
      return new Decimal128(decimal);
    } catch (NumberFormatException e) {
      throw new DecimalTooLong(decimal, e);
    }
  }

  /**
   * A decimal beyond Decimal128, on its way up to the document, which names the field by its path
   * (built only on failure, so writing a field costs no string work).
   */
  private static final class DecimalTooLong extends RuntimeException {

    private final transient BigDecimal value;
    private final Deque<String> path = new ArrayDeque<>();

    DecimalTooLong(BigDecimal value, NumberFormatException cause) {
      super(null, cause, false, false);
      this.value = value;
    }

    DecimalTooLong within(String name) {
      if (name != null) {
        path.addFirst(name);
      }
      return this;
    }

    StepFailure failure() {
      return BsonValues.tooManyDigits(value, String.join(".", path), (Exception) getCause());
    }
  }

  private record Field(String name, Method accessor) {

    static Field of(RecordComponent component) {
      return new Field(component.getName(), component.getAccessor());
    }

    Object valueOf(Record record) {
      try {
        return accessor.invoke(record);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException(
            "Cannot read " + name + " of " + record.getClass().getSimpleName(), e);
      }
    }
  }
}
