package io.millflow.connector.http;

import io.millflow.step.Json;
import java.util.HashMap;
import java.util.Map;

/**
 * Step inputs as a flow sends them: variables bound by the shared JSON mapper, as the worker does.
 */
final class Inputs {

  private Inputs() {}

  static HttpRequestStep.Input of(Object... namesAndValues) {
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      variables.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return Json.mapper().convertValue(variables, HttpRequestStep.Input.class);
  }
}
