package io.millflow.connector.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.step.Json;
import io.millflow.step.StepFailure;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.Locale;
import java.util.function.Consumer;

/** Streams a JSON Lines file: one JSON object per line; blank lines are skipped. */
final class JsonLinesRecordReader {

  // Exact decimals and Millflow's other JSON settings; two values on one line are an error, not a
  // silent drop.
  private static final ObjectReader JSON =
      Json.mapper().readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final String path;

  JsonLinesRecordReader(String path) {
    this.path = path;
  }

  /** Reads every line into {@code records}; returns how many records it read. */
  long read(BufferedReader lines, Consumer<ObjectNode> records) throws IOException {
    long lineNumber = 0;
    long count = 0;
    String line;
    while ((line = lines.readLine()) != null) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      records.accept(parse(line, lineNumber));
      count++;
    }
    return count;
  }

  private ObjectNode parse(String line, long lineNumber) {
    JsonNode value;
    try {
      value = JSON.readValue(line);
    } catch (JsonProcessingException e) {
      throw malformed(lineNumber, e.getOriginalMessage());
    }
    if (value instanceof ObjectNode record) {
      return record;
    }
    throw malformed(
        lineNumber,
        "a record must be a JSON object, not "
            + value.getNodeType().name().toLowerCase(Locale.ROOT));
  }

  private StepFailure malformed(long lineNumber, String problem) {
    return new StepFailure(
        "MALFORMED_FILE",
        "'"
            + path
            + "' is not valid JSON Lines at line "
            + lineNumber
            + ": "
            + problem
            + ". Fix the line, or check the step's 'format' and 'encoding'.");
  }
}
