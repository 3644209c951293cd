package io.millflow.connector.netsuite;

import java.util.UUID;

/**
 * One outbound call, as errors describe it: the connection, method, path and the request id kept
 * with the call and shown in every error about it.
 */
record NetSuiteCall(String connectionName, String method, String path, String requestId) {

  static NetSuiteCall of(NetSuiteConnectionSettings settings, String method, String path) {
    return new NetSuiteCall(settings.connectionName(), method, path, UUID.randomUUID().toString());
  }

  /** {@code POST /services/rest/query/v1/suiteql (connection 'netsuite', request 1b2c...)}. */
  String describe() {
    return method + " " + path + " " + context();
  }

  String context() {
    return "(connection '" + connectionName + "', request " + requestId + ")";
  }
}
