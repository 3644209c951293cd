package io.millflow.connector.plex;

import java.util.UUID;

/**
 * One outbound call, as errors describe it: the connection, method, path and the request id that is
 * kept with the call and shown in every error about it.
 */
record PlexCall(String connectionName, String method, String path, String requestId) {

  static PlexCall get(PlexConnectionSettings settings, String path) {
    return of(settings.connectionName(), "GET", path);
  }

  /** A call with a new request id. */
  static PlexCall of(String connectionName, String method, String path) {
    return new PlexCall(connectionName, method, path, UUID.randomUUID().toString());
  }

  /** {@code GET /purchasing/v1/purchase-orders (connection 'plex-prod', request 1b2c...)}. */
  String describe() {
    return method + " " + path + " " + context();
  }

  /** {@code (connection 'plex-prod', request 1b2c...)}. */
  String context() {
    return "(connection '" + connectionName + "', request " + requestId + ")";
  }
}
