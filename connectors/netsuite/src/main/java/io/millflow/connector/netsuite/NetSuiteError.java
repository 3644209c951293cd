package io.millflow.connector.netsuite;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.step.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * NetSuite's error body, {@code
 * {"type","title","status","o:errorDetails":[{"detail","o:errorCode"}]}}, or the token endpoint's
 * OAuth body {@code {"error","error_description"}}, reduced to a code and a message.
 */
record NetSuiteError(String code, String message) {

  static NetSuiteError parse(byte[] body, int status) {
    JsonNode json;
    try {
      json = Json.mapper().readTree(body);
    } catch (IOException e) {
      json = null; // a proxy's HTML page: the status alone must do
    }
    if (json == null || !json.isObject()) {
      return new NetSuiteError("HTTP_" + status, "no NetSuite error details in the answer.");
    }
    if (json.has("error")) {
      return new NetSuiteError(
          json.path("error").asText(),
          sentence(json.path("error_description").asText("no description")));
    }
    List<String> details = new ArrayList<>();
    String code = null;
    for (JsonNode detail : json.path("o:errorDetails")) {
      code = code == null ? detail.path("o:errorCode").asText(null) : code;
      details.add(sentence(detail.path("detail").asText("")));
    }
    String title = json.path("title").asText("HTTP " + status);
    return new NetSuiteError(
        code == null ? "HTTP_" + status : code,
        details.isEmpty() ? sentence(title) : String.join(" ", details));
  }

  boolean is(String errorCode) {
    return code.equalsIgnoreCase(errorCode);
  }

  private static String sentence(String text) {
    String trimmed = text.strip();
    return trimmed.isEmpty() || trimmed.endsWith(".") ? trimmed : trimmed + ".";
  }
}
