package io.millflow.connector.idhammar.sandbox;

/**
 * A request the API refuses with 400 (or {@code status}): a malformed parameter, an unknown
 * machine, a bad cursor.
 */
final class BadRequest extends RuntimeException {

  private final int status;
  private final String code;

  BadRequest(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  BadRequest(String code, String message) {
    this(400, code, message);
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }
}
