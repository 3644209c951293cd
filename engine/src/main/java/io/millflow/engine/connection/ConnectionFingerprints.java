package io.millflow.engine.connection;

import io.millflow.step.Connection;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tells whether a connection still has the settings and credentials it had: an HMAC under a key
 * that lives only in this process, so the stored value reveals nothing about a password, and after
 * a restart every stored fingerprint simply stops matching (the runtime checks blocked connections
 * again at start).
 */
final class ConnectionFingerprints {

  private final byte[] key = new byte[32];

  ConnectionFingerprints() {
    new SecureRandom().nextBytes(key);
  }

  String of(Connection connection) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      update(mac, connection.type());
      update(mac, new TreeMap<>(connection.settings()));
      update(mac, new TreeMap<>(connection.credentials()));
      return HexFormat.of().formatHex(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void update(Mac mac, Map<String, String> values) {
    values.forEach(
        (name, value) -> {
          update(mac, name);
          update(mac, value);
        });
  }

  private static void update(Mac mac, String value) {
    byte[] bytes = (value == null ? "" : value).getBytes(StandardCharsets.UTF_8);
    mac.update((byte) (bytes.length >>> 24));
    mac.update((byte) (bytes.length >>> 16));
    mac.update((byte) (bytes.length >>> 8));
    mac.update((byte) bytes.length);
    mac.update(bytes);
  }
}
