package io.millflow.steps;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Schema drift in one run's source records: the top-level fields that neither the source's
 * published shape ({@link io.millflow.model.UnifiedMapper#publishedFields()}) nor the connection's
 * custom-field list names ("new fields seen", with how many records carried each; never a value),
 * and the custom fields asked for that no record carried. Says so once per field; never fails a
 * record. A mapper that publishes no shape is not checked for new fields. Not thread-safe.
 */
final class FieldDrift {

  private final Set<String> published;
  private final List<String> customFields;
  private final Map<String, Long> newFields = new TreeMap<>();
  private final Map<String, Long> customSeen = new TreeMap<>();

  FieldDrift(Set<String> published, List<String> customFields) {
    this.published = published;
    this.customFields = customFields;
  }

  /** One source record read. */
  void count(JsonNode record) {
    if (!record.isObject()) {
      return;
    }
    for (Iterator<String> names = record.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (customFields.contains(name)) {
        if (!record.get(name).isNull()) {
          customSeen.merge(name, 1L, Long::sum);
        }
      } else if (!published.isEmpty() && !published.contains(name)) {
        newFields.merge(name, 1L, Long::sum);
      }
    }
  }

  /** Each field the published shape lacks, with the number of records that carried it. */
  Map<String, Long> newFieldsSeen() {
    return Map.copyOf(newFields);
  }

  /** One warning per new field and per custom field no record carried. */
  List<String> warnings(String sourceEntity, long records) {
    List<String> warnings = new ArrayList<>();
    newFields.forEach(
        (name, count) ->
            warnings.add(
                count
                    + " of "
                    + records
                    + " "
                    + sourceEntity
                    + " records carry the field '"
                    + name
                    + "', which the source's published shape does not have and the custom"
                    + " fields do not name: it is not mapped. Add it to the custom fields to keep"
                    + " it."));
    if (records > 0) {
      customFields.stream()
          .filter(name -> !customSeen.containsKey(name))
          .forEach(
              name ->
                  warnings.add(
                      "The custom field '"
                          + name
                          + "' is in none of the "
                          + records
                          + " "
                          + sourceEntity
                          + " records of this run: check that the source still sends it under"
                          + " that name."));
    }
    return warnings;
  }
}
