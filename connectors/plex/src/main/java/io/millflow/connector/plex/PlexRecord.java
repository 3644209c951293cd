package io.millflow.connector.plex;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.plex.protocol.PlexTimestamps;
import io.millflow.model.SourceRecord;
import io.millflow.model.SourceRef;
import io.millflow.model.UnifiedMapper.MappingOptions;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Typed reads of one Plex JSON record for the mappers: the shared reads, with Plex's lenient
 * timestamps, plus the field rules only Plex has.
 */
final class PlexRecord extends SourceRecord {

  private static final TimestampFormat TIMESTAMPS =
      new TimestampFormat("a timestamp", PlexTimestamps::parseLenient);

  /**
   * @param what how errors name the record: {@code purchase order 5b0c...}, {@code line item 3 of
   *     purchase order 5b0c...}
   */
  PlexRecord(JsonNode json, String what) {
    super(json, "Plex", what, TIMESTAMPS);
  }

  /** A record named by its kind and id, {@code supplier 5b0c...}; its id is required. */
  static PlexRecord identified(JsonNode json, String kind, String idField) {
    String id = json.path(idField).asText(null);
    PlexRecord record =
        new PlexRecord(json, id == null ? kind + " without " + idField : kind + " " + id);
    record.requiredText(idField);
    return record;
  }

  /** As the shared read, and 1E+2 (a stripped 100.00) reads as 100. */
  @Override
  public BigDecimal decimal(String field) {
    BigDecimal decimal = super.decimal(field);
    return decimal != null && decimal.scale() < 0 ? decimal.setScale(0) : decimal;
  }

  /** Plex sends some flags as the strings {@code "true"} and {@code "false"}, in any case. */
  Boolean bool(String field) {
    JsonNode value = json().get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isTextual() && value.asText().matches("(?i)true|false")) {
      return Boolean.parseBoolean(value.asText());
    }
    throw unmappable(field, "is not true or false: " + value);
  }

  /** Where the record came from, for a unified record's {@code source}. */
  static SourceRef source(MappingOptions options, String id, Instant updatedAt) {
    return new SourceRef("plex", options.connection(), id, updatedAt);
  }
}
