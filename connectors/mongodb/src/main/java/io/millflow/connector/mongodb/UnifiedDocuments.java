package io.millflow.connector.mongodb;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * The stable document layout of every unified entity (README.md): one document per record, {@code _id} = the record's
 * {@code key}, then the model's other fields under their camelCase names in the model's order; nested records
 * ({@code source}, addresses, purchase-order lines) as embedded documents, decimals as Decimal128, times as BSON
 * dates, {@code customFields} and {@code raw} as JSON mapped by {@link BsonValues}. Every field is written, null when
 * the record has no value, so all documents of an entity have the same shape. The layout follows the model's record
 * components, so a field added to the model is written without a change here.
 */
final class UnifiedDocuments {

  /** Where the stored source updated-at lives; the newer-wins filter compares it. */
  static final String SOURCE_UPDATED_AT = "source.sourceUpdatedAt";
  static final String KEY = "key";

  private static final ClassValue<List<Field>> FIELDS = new ClassValue<>() {
    @Override
    protected List<Field> computeValue(Class<?> type) {
      return Arrays.stream(type.getRecordComponents()).map(Field::of).toList();
    }
  };

  private UnifiedDocuments() {}

  /** The document of a unified record; its {@code key} becomes {@code _id}. */
  static Document of(Record record) {
    return document(record, "", true);
  }

  /** The source updated-at as stored: BSON dates hold milliseconds, so this is what the filter compares. */
  static Date sourceUpdatedAt(Document document) {
    return document.get("source") instanceof Document source && source.get("sourceUpdatedAt") instanceof Date date
        ? date : null;
  }

  private static Document document(Record record, String path, boolean topLevel) {
    Document document = new Document();
    for (Field field : FIELDS.get(record.getClass())) {
      String name = topLevel && field.name().equals(KEY) ? "_id" : field.name();
      document.append(name, bson(field.valueOf(record), path + field.name()));
    }
    return document;
  }

  private static Object bson(Object value, String path) {
    return switch (value) {
      case null -> null;
      case String text -> text;
      case Integer number -> number;
      case Long number -> number;
      case Boolean flag -> flag;
      case BigDecimal decimal -> BsonValues.decimal(decimal, path);
      // BSON dates are milliseconds since the epoch: finer digits are dropped (README.md).
      case Instant instant -> Date.from(instant);
      case JsonNode json -> BsonValues.fromJson(json);
      case Map<?, ?> map -> BsonValues.fromJava(map);
      case List<?> list -> list.stream().map(element -> bson(element, path)).toList();
      case Record nested -> document(nested, path + ".", false);
      default -> throw new IllegalStateException("The unified model's field '" + path + "' has a type ("
          + value.getClass().getName() + ") without a BSON mapping: add one to UnifiedDocuments.");
    };
  }

  private record Field(String name, Method accessor) {

    static Field of(RecordComponent component) {
      return new Field(component.getName(), component.getAccessor());
    }

    Object valueOf(Record record) {
      try {
        return accessor.invoke(record);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("Cannot read " + name + " of " + record.getClass().getSimpleName(), e);
      }
    }
  }
}
