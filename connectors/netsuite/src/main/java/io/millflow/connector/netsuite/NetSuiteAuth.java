package io.millflow.connector.netsuite;

import io.millflow.connector.netsuite.protocol.PemKeys;
import io.millflow.step.Connection;
import io.millflow.step.ReauthRequiredException;
import java.security.interfaces.RSAPrivateKey;

/**
 * How a connection signs in, chosen from its credentials: OAuth 2.0 client credentials with a PS256 client assertion
 * (credentials {@code clientId}, {@code certificateId}, {@code privateKey}: the PEM of the {@code private.pem} made
 * with openssl), or token-based auth, OAuth 1.0a with HMAC-SHA256 ({@code consumerKey}, {@code consumerSecret},
 * {@code tokenId}, {@code tokenSecret}). {@code toString()} never shows a secret.
 */
public sealed interface NetSuiteAuth {

  /** OAuth 2.0 machine to machine. */
  record M2m(String clientId, String certificateId, RSAPrivateKey privateKey) implements NetSuiteAuth {
    @Override
    public String toString() {
      return "M2m[clientId=" + clientId + ", certificateId=" + certificateId + ", privateKey=(hidden)]";
    }
  }

  /** Token-based authentication (OAuth 1.0a). */
  record Tba(String consumerKey, String consumerSecret, String tokenId, String tokenSecret) implements NetSuiteAuth {
    @Override
    public String toString() {
      return "Tba[consumerKey=(hidden), tokenId=(hidden), secrets=(hidden)]";
    }
  }

  /**
   * @throws ReauthRequiredException when the connection has neither set of credentials complete, or its private key is
   *     not a PEM an RSA key can be read from
   */
  static NetSuiteAuth of(Connection connection) {
    if (connection.optionalCredential("clientId").isPresent()
        || connection.optionalCredential("privateKey").isPresent()) {
      return new M2m(connection.credential("clientId"), connection.credential("certificateId"),
          PemKeys.privateKey(connection.name(), connection.credential("privateKey")));
    }
    if (connection.optionalCredential("consumerKey").isPresent()
        || connection.optionalCredential("tokenId").isPresent()) {
      return new Tba(connection.credential("consumerKey"), connection.credential("consumerSecret"),
          connection.credential("tokenId"), connection.credential("tokenSecret"));
    }
    throw new ReauthRequiredException(connection.name(), "Connection '" + connection.name() + "' has no NetSuite"
        + " credentials: enter clientId, certificateId and privateKey (OAuth 2.0 client credentials) or consumerKey,"
        + " consumerSecret, tokenId and tokenSecret (token-based auth).");
  }
}
