package io.millflow.connector.netsuite;

import io.millflow.connector.netsuite.protocol.PemKeys;
import io.millflow.step.ReauthRequiredException;
import java.security.interfaces.RSAPrivateKey;

/**
 * How a connection signs in, chosen from its credentials ({@link NetSuiteConnection}'s sign-in
 * methods): OAuth 2.0 client credentials with a PS256 client assertion (credentials {@code
 * clientId}, {@code certificateId}, {@code privateKey}: the PEM of the {@code private.pem} made
 * with openssl), or token-based auth, OAuth 1.0a with HMAC-SHA256 ({@code consumerKey}, {@code
 * consumerSecret}, {@code tokenId}, {@code tokenSecret}). {@code toString()} never shows a secret.
 */
public sealed interface NetSuiteAuth {

  /** OAuth 2.0 machine to machine. */
  record M2m(String clientId, String certificateId, RSAPrivateKey privateKey)
      implements NetSuiteAuth {
    @Override
    public String toString() {
      return "M2m[clientId="
          + clientId
          + ", certificateId="
          + certificateId
          + ", privateKey=(hidden)]";
    }
  }

  /** Token-based authentication (OAuth 1.0a). */
  record Tba(String consumerKey, String consumerSecret, String tokenId, String tokenSecret)
      implements NetSuiteAuth {
    @Override
    public String toString() {
      return "Tba[consumerKey=(hidden), tokenId=(hidden), secrets=(hidden)]";
    }
  }

  /**
   * The sign-in method the connection's credentials fill in (the binder has checked they are
   * complete).
   *
   * @throws ReauthRequiredException when its private key is not a PEM an RSA key can be read from
   */
  static NetSuiteAuth of(String name, NetSuiteConnection connection) {
    if (connection.clientId() != null) {
      return new M2m(
          connection.clientId(),
          connection.certificateId(),
          PemKeys.privateKey(name, connection.privateKey()));
    }
    return new Tba(
        connection.consumerKey(),
        connection.consumerSecret(),
        connection.tokenId(),
        connection.tokenSecret());
  }
}
