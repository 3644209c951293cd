package io.millflow.step.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.millflow.step.Json;

/**
 * Writes templates the way the committed files look: two-space indent, one array element per line,
 * {@code "key": value}, {@code \n} line ends on every platform and a trailing newline. Field order
 * is the order the generator added them.
 */
final class TemplateJson {

  private static final DefaultIndenter INDENTER = new DefaultIndenter("  ", "\n");
  private static final Separators SEPARATORS =
      Separators.createDefaultInstance()
          .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
          .withObjectEmptySeparator("")
          .withArrayEmptySeparator("");
  private static final ObjectWriter WRITER =
      Json.mapper()
          .writer(
              new DefaultPrettyPrinter(SEPARATORS)
                  .withObjectIndenter(INDENTER)
                  .withArrayIndenter(INDENTER));

  private TemplateJson() {}

  static String write(JsonNode template) {
    try {
      return WRITER.writeValueAsString(template) + "\n";
    } catch (JsonProcessingException e) {
      // A tree of plain nodes always serializes; failing here is a bug.
      throw new IllegalStateException("Cannot write element template", e);
    }
  }
}
