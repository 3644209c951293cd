package io.millflow.connector.netsuite.protocol;

import io.millflow.step.ReauthRequiredException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * Reads the PEM files of NetSuite's M2M set-up with the JDK: the PKCS#8 {@code private.pem} (what
 * {@code openssl req -newkey rsa:4096 -nodes} writes) and the X.509 {@code public.pem}.
 */
public final class PemKeys {

  private PemKeys() {}

  /**
   * An RSA private key from a {@code -----BEGIN PRIVATE KEY-----} PEM, whether its algorithm is RSA
   * or RSASSA-PSS.
   */
  public static RSAPrivateKey privateKey(String connection, String pem) {
    if (pem.contains("BEGIN RSA PRIVATE KEY") || pem.contains("BEGIN ENCRYPTED PRIVATE KEY")) {
      throw badKey(
          connection,
          "is a PKCS#1 or encrypted key; convert it with 'openssl pkcs8 -topk8 -nocrypt -in"
              + " private.pem -out private-pkcs8.pem' and enter that",
          null);
    }
    byte[] der = der(pem, "PRIVATE KEY");
    if (der == null) {
      throw badKey(connection, "is not a PEM with a '-----BEGIN PRIVATE KEY-----' block", null);
    }
    GeneralSecurityException last = null;
    for (String algorithm : new String[] {"RSA", "RSASSA-PSS"}) {
      try {
        PrivateKey key =
            KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        if (key instanceof RSAPrivateKey rsa) {
          return rsa;
        }
      } catch (GeneralSecurityException e) {
        last = e;
      }
    }
    throw badKey(connection, "holds no RSA key", last);
  }

  /** The certificate of a {@code -----BEGIN CERTIFICATE-----} PEM ({@code public.pem}). */
  public static X509Certificate certificate(String pem) throws GeneralSecurityException {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
  }

  /** A PKCS#8 PEM of a private key, as openssl writes it. */
  public static String pem(PrivateKey key) {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(key.getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }

  private static byte[] der(String pem, String label) {
    String begin = "-----BEGIN " + label + "-----";
    String end = "-----END " + label + "-----";
    int from = pem.indexOf(begin);
    int to = pem.indexOf(end);
    if (from < 0 || to < from) {
      return null;
    }
    try {
      return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static ReauthRequiredException badKey(
      String connection, String problem, Throwable cause) {
    return new ReauthRequiredException(
        connection,
        "The privateKey of connection '"
            + connection
            + "' "
            + problem
            + ". Enter the whole private.pem made for NetSuite's M2M set-up.",
        cause);
  }
}
