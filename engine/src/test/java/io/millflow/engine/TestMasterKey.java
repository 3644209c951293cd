package io.millflow.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The master key of the tests' shared state store. Embedded-mode tests generate it in the data
 * directory; tests in cluster mode (which must be given one) use the same file, or the tenant keys
 * it wrapped could not be read.
 */
public final class TestMasterKey {

  private TestMasterKey() {}

  public static Path file() {
    Path file = Path.of("target/test-data/master.key").toAbsolutePath();
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(file.getParent());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Files.writeString(file, Base64.getEncoder().encodeToString(key));
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
