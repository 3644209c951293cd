package io.millflow.connector.netsuite.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.connector.netsuite.protocol.NetSuiteGuesses;
import io.millflow.connector.netsuite.protocol.RecordWrites;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * What a write must satisfy before the sandbox stores it: the fields a create must give ({@link
 * NetSuiteGuesses#REQUIRED_ON_CREATE}, USER_ERROR) and references ({@code {"id": ...}}) to records
 * that exist (INVALID_KEY_OR_REF): the generated lists (subsidiary 1, currencies, terms, locations,
 * units) and the vendors and items, generated or written.
 */
final class WriteRules {

  private static final Map<String, Set<String>> LISTS =
      Map.of(
          "subsidiary", Set.of("1"),
          "currency", Set.of("1", "3", "4", "5"),
          "terms", Set.of("1", "2", "3", "4"),
          "location", Set.of("1", "2", "3"),
          "units", Set.of("1", "2", "3", "4", "5"));

  /** References to records by type: the body field and the record type it names. */
  private static final Map<String, String> RECORD_REFERENCES =
      Map.of("entity", "vendor", "item", "inventoryItem", "createdFrom", "purchaseOrder");

  private final BiPredicate<String, String> exists;

  /** {@code exists} tells whether a record of a type with an internal id exists. */
  WriteRules(BiPredicate<String, String> exists) {
    this.exists = exists;
  }

  /**
   * Checks {@code body} for a create ({@code creating}) or an update of a record of {@code type}.
   */
  void check(String type, ObjectNode body, boolean creating) throws WriteRefused {
    if (creating) {
      for (String field :
          NetSuiteGuesses.REQUIRED_ON_CREATE.getOrDefault(type, java.util.List.of())) {
        JsonNode value = body.path(field);
        if (value.isMissingNode()
            || value.isNull()
            || value.asText().isBlank() && !value.isObject()) {
          throw WriteRefused.content(
              RecordWrites.USER_ERROR, "Please enter value(s) for: " + field + ".");
        }
      }
    }
    checkReferences(body);
    JsonNode lines = body.path("item").path("items");
    for (JsonNode line : lines) {
      if (line instanceof ObjectNode object) {
        checkReferences(object);
      }
    }
  }

  private void checkReferences(ObjectNode body) throws WriteRefused {
    for (Map.Entry<String, JsonNode> field : body.properties()) {
      JsonNode id = field.getValue().path("id");
      if (!field.getValue().isObject() || id.isMissingNode()) {
        continue;
      }
      String name = field.getKey();
      boolean known =
          LISTS.containsKey(name)
              ? LISTS.get(name).contains(id.asText())
              : !RECORD_REFERENCES.containsKey(name)
                  || exists.test(RECORD_REFERENCES.get(name), id.asText());
      if (!known) {
        throw WriteRefused.content(
            RecordWrites.INVALID_KEY_OR_REF,
            "Invalid " + name + " reference key " + id.asText() + ".");
      }
    }
  }
}
