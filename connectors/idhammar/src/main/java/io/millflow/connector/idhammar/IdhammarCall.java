package io.millflow.connector.idhammar;

import java.util.UUID;

/**
 * One outbound call, as errors describe it: the connection, method, path and the request id sent as
 * {@code X-Request-Id} and shown in every error about the call.
 */
record IdhammarCall(String connectionName, String method, String path, String requestId) {

  static IdhammarCall get(IdhammarConnectionSettings settings, String path) {
    return new IdhammarCall(settings.connectionName(), "GET", path, UUID.randomUUID().toString());
  }

  /** {@code GET /api/v1/downtime-events (connection 'oee', request 1b2c...)}. */
  String describe() {
    return method + " " + path + " " + context();
  }

  /** {@code (connection 'oee', request 1b2c...)}. */
  String context() {
    return "(connection '" + connectionName + "', request " + requestId + ")";
  }
}
