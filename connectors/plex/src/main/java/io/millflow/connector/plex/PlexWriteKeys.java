package io.millflow.connector.plex;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The Plex id a write targets. Plex lets a create choose its record's id ("automatically generated
 * if omitted", for releases and receipts alike), so Millflow derives it from the record's key: a
 * name-based UUID of the entity and key, the same in every run and on every retry. That is what
 * makes a re-run, or a retried attempt after a crash, find the record it wrote instead of writing a
 * second one.
 */
final class PlexWriteKeys {

  private PlexWriteKeys() {}

  /** The record's own {@code id} when it carries one, else the id derived from its key. */
  static String targetId(String entity, ObjectNode record, String key) {
    String id = record.path("id").asText("");
    return !id.isBlank() ? id : derived(entity, key);
  }

  static String derived(String entity, String key) {
    return UUID.nameUUIDFromBytes(
            ("millflow:" + entity + ":" + key).getBytes(StandardCharsets.UTF_8))
        .toString();
  }
}
