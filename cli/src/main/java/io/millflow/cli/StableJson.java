package io.millflow.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The one JSON form of the folder, so that two exports of the same setup are equal byte for byte
 * and a Git diff shows only what changed: keys sorted, nulls left out, two-space indent, one array
 * element per line, a trailing newline.
 */
final class StableJson {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private static final DefaultPrettyPrinter PRINTER =
      new DefaultPrettyPrinter()
          .withSeparators(
              Separators.createDefaultInstance()
                  .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                  .withObjectEmptySeparator("")
                  .withArrayEmptySeparator(""))
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n"));

  private StableJson() {}

  static String write(JsonNode node) {
    try {
      return MAPPER.writer(PRINTER).writeValueAsString(canonical(node)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  static JsonNode read(String text, String where) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new CliException(where + " is not valid JSON: " + e.getOriginalMessage());
    }
  }

  /** The node with object keys sorted and null fields dropped, at every depth. */
  static JsonNode canonical(JsonNode node) {
    if (node.isObject()) {
      ObjectNode sorted = JsonNodeFactory.instance.objectNode();
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      names.stream()
          .sorted()
          .filter(name -> !node.get(name).isNull())
          .forEach(name -> sorted.set(name, canonical(node.get(name))));
      return sorted;
    }
    if (node.isArray()) {
      ArrayNode array = JsonNodeFactory.instance.arrayNode();
      node.forEach(element -> array.add(canonical(element)));
      return array;
    }
    return node;
  }
}
