package io.millflow.connector.plex;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.step.Json;
import io.millflow.step.write.WriteDiff;
import io.millflow.step.write.WriteOutcome;
import java.util.List;
import java.util.Set;

/**
 * One kind of Plex write, for {@link PlexRecordWriter}: what a record would change, and the write.
 */
interface PlexRecordWrite {

  /** The Plex entity written, e.g. {@code release}; names the id derivation and the log. */
  String entity();

  /** What the step assumes where Plex's description is silent, logged when it runs. */
  List<String> guesses();

  /**
   * What writing the record would do, reading Plex only; {@code references} reads, once per run,
   * the records it names, so an unknown one is rejected as the write would be.
   */
  WriteDiff diff(String key, ObjectNode record, PlexWriteClient plex, PlexReferences references);

  /** Writes the record, unless Plex already holds it as it is. */
  WriteOutcome write(String key, ObjectNode record, PlexWriteClient plex);

  /**
   * True when Plex keeps nothing a retry could find the record by (no id, no tracking number), so
   * the writer seals each acknowledged record in a {@link io.millflow.step.write.ResultsCheckpoint}
   * and a retried attempt sends none twice.
   */
  default boolean needsCheckpoint() {
    return false;
  }

  /** The record's fields that Plex's request takes, in Plex's names; the rest are not sent. */
  static ObjectNode body(ObjectNode record, Set<String> published) {
    ObjectNode body = Json.mapper().createObjectNode();
    record
        .properties()
        .forEach(
            field -> {
              if (published.contains(field.getKey()) && !field.getKey().equals("id")) {
                body.set(field.getKey(), field.getValue());
              }
            });
    return body;
  }

  /** The first field of {@code required} the body lacks, or null. */
  static String missing(ObjectNode body, List<String> required) {
    return required.stream()
        .filter(field -> !body.hasNonNull(field) || body.get(field).asText().isBlank())
        .findFirst()
        .orElse(null);
  }
}
