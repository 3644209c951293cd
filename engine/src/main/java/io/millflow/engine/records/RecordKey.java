package io.millflow.engine.records;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.millflow.step.Json;
import io.millflow.step.StepFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A record's key: a FEEL expression's value, or the values of some fields, as one text (JSON), so
 * that {@code ["A", 1]} and {@code ["A", "1"]} stay two keys.
 */
sealed interface RecordKey {

  /**
   * @throws RecordRejected when the key is null, or every key field is empty
   */
  String of(Map<String, Object> record);

  record Expression(RecordExpression expression) implements RecordKey {
    @Override
    public String of(Map<String, Object> record) {
      Object value = expression.valueFor(record);
      if (value == null) {
        throw new RecordRejected("the key is null");
      }
      return text(value);
    }
  }

  record Fields(List<FieldPath> fields) implements RecordKey {
    @Override
    public String of(Map<String, Object> record) {
      List<Object> values = new ArrayList<>(fields.size());
      boolean any = false;
      for (FieldPath field : fields) {
        Object value = field.in(record);
        any |= value != null;
        values.add(value);
      }
      if (!any) {
        throw new RecordRejected("every key field is empty");
      }
      return text(values);
    }
  }

  private static String text(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new RecordRejected("the key cannot be written as text", e.getOriginalMessage());
    }
  }

  /**
   * The key from the expression or else the fields.
   *
   * @throws StepFailure {@code NO_KEY} when neither is given
   */
  static RecordKey of(
      io.millflow.engine.feel.BoundedFeel feel, String expression, String fieldNames) {
    if (expression != null && !expression.isBlank()) {
      return new Expression(RecordExpression.compile(feel, "key", expression));
    }
    List<FieldPath> fields = FieldPath.list(fieldNames);
    if (fields.isEmpty()) {
      throw new StepFailure(
          "NO_KEY", "Give the key as a FEEL expression (key) or as field names (keyFields)");
    }
    return new Fields(fields);
  }
}
