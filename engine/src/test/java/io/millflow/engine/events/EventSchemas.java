package io.millflow.engine.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.millflow.engine.RepoPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/** The published schema of outbound events (docs/events/events.schema.json), as a validator. */
final class EventSchemas {

  static final String PATH = "docs/events/events.schema.json";

  private static final Schema SCHEMA = load();

  private EventSchemas() {}

  /** The schema's complaints about an event body; empty when it conforms. */
  static List<String> problems(String body) {
    return SCHEMA.validate(body, InputFormat.JSON, context -> enableFormats(context)).stream()
        .map(Error::toString)
        .toList();
  }

  static List<String> problems(JsonNode body) {
    return problems(body.toString());
  }

  private static void enableFormats(com.networknt.schema.ExecutionContext context) {
    context.executionConfig(config -> config.formatAssertionsEnabled(true));
  }

  private static Schema load() {
    try {
      String text = Files.readString(RepoPaths.root().resolve(PATH));
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(text, InputFormat.JSON);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
