package io.millflow.connector.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.millflow.step.Json;
import io.millflow.step.StepFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Reads an answer's body: a value at a pointer, or JSON or text as a step's output. */
final class Bodies {

  private Bodies() {}

  /**
   * The value at {@code pointer} in the body, read without a tree of the rest; a missing node when
   * the body has none there.
   */
  static JsonNode at(Answer answer, JsonPointer pointer) {
    try (JsonParser parser = Json.mapper().createParser(answer.body())) {
      return JsonScan.to(parser, pointer) == null
          ? MissingNode.getInstance()
          : Json.mapper().readTree(parser);
    } catch (IOException e) {
      throw new StepFailure(
          "HTTP_UNEXPECTED_RESPONSE",
          "The answer (request "
              + answer.requestId()
              + ") is not JSON, so "
              + pointer
              + " cannot be read from it.");
    }
  }

  /** A body that is not JSON cannot hold pages of records. */
  static StepFailure notJson(Answer answer, Exchange request, Call call) {
    return new StepFailure(
        "HTTP_UNEXPECTED_RESPONSE",
        "The answer to "
            + request.describe()
            + " (connection '"
            + call.connectionName()
            + "', request "
            + answer.requestId()
            + ") is not JSON, so no records can be read from it. Check the step's URL.");
  }

  /** The body as the step's output: its JSON, or its text when it is not JSON; null when empty. */
  static JsonNode output(Answer answer) {
    if (answer.body().length == 0) {
      return null;
    }
    String contentType = answer.headers().firstValue("Content-Type").orElse("");
    if (contentType.isEmpty() || contentType.contains("json")) {
      try {
        JsonNode json = Json.mapper().readTree(answer.body());
        if (json != null) {
          return json;
        }
      } catch (IOException e) {
        // not JSON after all: kept as text
      }
    }
    return TextNode.valueOf(new String(answer.body(), StandardCharsets.UTF_8));
  }
}
