package io.millflow.connector.netsuite;

/**
 * What NetSuite answered to a failed call, kept as the cause of the step exception made of it, so
 * that the connection tester can tell a wrong certificate id from a clock skew without reading
 * messages.
 */
final class NetSuiteAnswer extends RuntimeException {

  private final int status;
  private final String code;
  private final boolean tokenEndpoint;

  NetSuiteAnswer(int status, NetSuiteError error, boolean tokenEndpoint) {
    super(status + " " + error.code() + ": " + error.message(), null, false, false);
    this.status = status;
    this.code = error.code();
    this.tokenEndpoint = tokenEndpoint;
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }

  /** True when the token endpoint refused the client assertion, false for an API call. */
  boolean tokenEndpoint() {
    return tokenEndpoint;
  }
}
