package io.millflow.step;

/**
 * Why a connection test failed, as specifically as the system's answer allows. The name is the
 * API's error code.
 */
public enum ConnectionProblem {
  /** A setting or credential is missing or malformed (the check names which). */
  INCOMPLETE,
  /** No answer: DNS, connection refused, network unreachable. */
  UNREACHABLE,
  /**
   * The host answered, but not as the system should: wrong base URL, wrong account id, wrong port.
   */
  WRONG_URL,
  /** The system rejected the credentials (wrong key, wrong password, revoked token). */
  AUTH_FAILED,
  /** NetSuite M2M: the certificate id does not match the uploaded public key. */
  WRONG_CERTIFICATE_ID,
  /** A signed token was refused for its time: this machine's clock is off. */
  CLOCK_SKEW,
  /** Authenticated, but the account lacks a permission or privilege the steps need. */
  NO_PERMISSION,
  /** The database, schema or tenant named in the settings does not exist. */
  MISSING_DATABASE,
  /** A TLS handshake failed: certificate not trusted, protocol not offered. */
  TLS_ERROR,
  /** The system did not answer in time. */
  TIMEOUT,
  /** The system is there but failing or limiting us right now (5xx, 429); try again later. */
  UNAVAILABLE
}
