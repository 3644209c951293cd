package io.millflow.connector.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.millflow.step.Json;
import io.millflow.step.StepFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Reads an answer's body: JSON where records are expected, JSON or text as a step's output. */
final class Bodies {

  private Bodies() {}

  /** The body as JSON; a body that is not JSON cannot hold pages of records. */
  static JsonNode json(Answer answer, Exchange request, Call call) {
    try {
      JsonNode body = Json.mapper().readTree(answer.body());
      if (body != null && !body.isMissingNode()) {
        return body;
      }
    } catch (IOException e) {
      // said below
    }
    throw new StepFailure(
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
