package io.millflow.connector.netsuite.sandbox;

import io.millflow.connector.netsuite.protocol.NetSuiteGuesses;

/** A write the sandbox refuses as NetSuite would: the status, NetSuite's code and its detail. */
final class WriteRefused extends Exception {

  private final int status;
  private final String code;

  WriteRefused(int status, String code, String detail) {
    super(detail, null, false, false);
    this.status = status;
    this.code = code;
  }

  /**
   * A refusal of the record's content (a 400, see {@link NetSuiteGuesses#WRITE_REFUSED_STATUS}).
   */
  static WriteRefused content(String code, String detail) {
    return new WriteRefused(NetSuiteGuesses.WRITE_REFUSED_STATUS, code, detail);
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }
}
