package io.millflow.connector.idhammar;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.model.SourceRecord;
import io.millflow.model.SourceRef;
import io.millflow.model.UnifiedMapper.MappingOptions;
import java.time.Instant;

/**
 * Typed reads of one Idhammar JSON record for the mappers: the shared reads, with ISO-8601
 * timestamps, plus the field rules only Idhammar has.
 */
final class IdhammarRecord extends SourceRecord {

  private static final TimestampFormat TIMESTAMPS =
      new TimestampFormat("an ISO-8601 timestamp", Instant::parse);

  /**
   * @param what how errors name the record: {@code downtime event DT-000000042}
   */
  IdhammarRecord(JsonNode json, String what) {
    super(json, "Idhammar", what, TIMESTAMPS);
  }

  static IdhammarRecord of(JsonNode json, String kind, String idField) {
    return new IdhammarRecord(json, kind + " " + json.path(idField).asText("(no " + idField + ")"));
  }

  /** Idhammar's errors show a number that is not one as JSON: {@code is not a number: "12,5"}. */
  @Override
  protected String notANumber(JsonNode value) {
    return "is not a number: " + value;
  }

  Boolean bool(String field) {
    JsonNode value = json().get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isBoolean()) {
      throw unmappable(field, "is not true or false: " + value);
    }
    return value.asBoolean();
  }

  SourceRef source(MappingOptions options, String sourceId, Instant updatedAt) {
    return new SourceRef(IdhammarSteps.SYSTEM, options.connection(), sourceId, updatedAt);
  }
}
