package io.millflow.engine.api.answers;

import java.util.List;

/**
 * One answer of the API as a test received it, as {@link ApiAnswerRecorder} wrote it.
 *
 * @param method lower case, as the contract names operations
 * @param path the path called, without the query ({@code /api/runs/6f1e...})
 * @param headers the answer's header names, lower case
 * @param body the JSON body (null when the answer was not JSON)
 */
record RecordedAnswer(
    String method, String path, int status, String contentType, List<String> headers, String body) {

  String label() {
    return method.toUpperCase(java.util.Locale.ROOT) + " " + path + " -> " + status;
  }
}
