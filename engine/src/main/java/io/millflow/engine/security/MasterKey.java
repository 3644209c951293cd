package io.millflow.engine.security;

import io.millflow.engine.config.MillflowConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The key that wraps the tenants' data keys. From {@code millflow.security.master-key} or {@code
 * master-key-file}; in embedded mode, when neither is set, one is generated once into {@code
 * <data-dir>/master.key} (owner-only) so trying Millflow needs no setup. With a state store of its
 * own ({@code millflow.db.url}) or in cluster mode Millflow refuses to start without one: every
 * instance over that database must share it, and it must outlive any one data directory.
 */
@Singleton
public class MasterKey {

  private static final Logger LOG = Logger.getLogger(MasterKey.class);
  static final String GENERATED_FILE = "master.key";

  private final byte[] key;
  private final String id;

  @Inject
  public MasterKey(MillflowConfig config) {
    this(
        load(
            config.security().masterKey(),
            config.security().masterKeyFile(),
            config.dataDir().resolve(GENERATED_FILE),
            config.zeebe().address().isPresent() || config.db().url().isPresent()));
  }

  MasterKey(byte[] key) {
    if (key.length != Aead.KEY_BYTES) {
      throw new IllegalStateException(
          "The master key must be 32 bytes (Base64 of 32 random bytes: openssl rand"
              + " -base64 32), not "
              + key.length
              + " bytes");
    }
    this.key = key.clone();
    this.id = idOf(key);
  }

  /** The key being rotated out, when the configuration names one. */
  static Optional<MasterKey> previous(MillflowConfig.Security config) {
    if (config.previousMasterKey().isPresent()) {
      return Optional.of(
          new MasterKey(
              decode(config.previousMasterKey().get(), "millflow.security.previous-master-key")));
    }
    return config
        .previousMasterKeyFile()
        .map(file -> new MasterKey(decode(read(file), "the file " + file)));
  }

  /**
   * A short, non-secret fingerprint, stored next to what the key wraps, so a wrong key is named as
   * such.
   */
  public String id() {
    return id;
  }

  byte[] wrap(byte[] dataKey, String owner) {
    return Aead.encrypt(key, dataKey, "tenant-key:" + owner);
  }

  byte[] unwrap(byte[] wrapped, String owner) {
    return Aead.decrypt(key, wrapped, "tenant-key:" + owner);
  }

  /**
   * The configured key, else the configured file's, else (the embedded state store only) the
   * generated file's. {@code shared} says the state store may be shared with other instances: an
   * external database or cluster mode.
   */
  static byte[] load(Optional<String> key, Optional<Path> file, Path generated, boolean shared) {
    if (key.isPresent()) {
      return decode(key.get(), "millflow.security.master-key");
    }
    if (file.isPresent()) {
      return decode(read(file.get()), "the file " + file.get());
    }
    if (shared) {
      throw new IllegalStateException(
          "An external state store (millflow.db.url) or cluster mode needs a master key"
              + " shared by every Millflow instance over that database: set"
              + " millflow.security.master-key-file (a file with the output of `openssl rand -base64 32`) or the"
              + " environment variable MILLFLOW_SECURITY_MASTER_KEY.");
    }
    return generatedKey(generated);
  }

  private static byte[] generatedKey(Path file) {
    if (Files.exists(file)) {
      return decode(read(file), "the file " + file);
    }
    byte[] key = Aead.newKey();
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(
          file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write a new master key to " + file, e);
    }
    LOG.warnf(
        "Generated a master key in %s (embedded mode). Credentials stored by Millflow can only be read with"
            + " it: back it up with the data directory, or set millflow.security.master-key-file.",
        file);
    return key;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read the master key from " + file + ": " + e.getMessage(), e);
    }
  }

  private static byte[] decode(String base64, String where) {
    try {
      return Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "The master key in "
              + where
              + " is not Base64: generate one with"
              + " `openssl rand -base64 32`.");
    }
  }

  private static String idOf(byte[] key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
      return "mk-" + HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
