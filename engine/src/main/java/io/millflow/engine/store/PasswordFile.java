package io.millflow.engine.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * A generated password in a file only its owner may read or write: created once, read again at
 * every start.
 */
final class PasswordFile {

  static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
  private static final int RANDOM_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordFile() {}

  /**
   * The password in {@code file}, which is generated and written first when the file does not
   * exist.
   */
  static String readOrCreate(Path file) {
    try {
      if (Files.exists(file)) {
        Files.setPosixFilePermissions(
            file, OWNER_ONLY); // a copy restored from a backup may have lost them
        String password = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (password.isEmpty()) {
          throw new IllegalStateException(
              "The password file "
                  + file
                  + " is empty: restore it from the backup of"
                  + " the data directory.");
        }
        return password;
      }
      String password = generate();
      // Written whole under another name first, so a crash never leaves a half-written password
      // behind.
      Path written =
          Files.createTempFile(
              file.getParent(),
              file.getFileName() + ".",
              ".new",
              PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      Files.writeString(written, password + "\n", StandardCharsets.US_ASCII);
      Files.move(written, file, StandardCopyOption.ATOMIC_MOVE);
      return password;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the password file " + file, e);
    }
  }

  /** 256 random bits, URL-safe Base64: no character that needs quoting in a URL, a shell or SQL. */
  static String generate() {
    byte[] bytes = new byte[RANDOM_BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
