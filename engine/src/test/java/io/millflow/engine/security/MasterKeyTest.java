package io.millflow.engine.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyTest {

  @TempDir Path dir;

  @Test
  void embeddedModeGeneratesAnOwnerOnlyKeyOnceAndKeepsIt() throws Exception {
    Path file = dir.resolve("master.key");

    byte[] first = MasterKey.load(Optional.empty(), Optional.empty(), file, false);
    byte[] again = MasterKey.load(Optional.empty(), Optional.empty(), file, false);

    assertThat(first).hasSize(32).isEqualTo(again);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void aSharedStateStoreRefusesToStartWithoutAConfiguredKey() {
    assertThatThrownBy(
            () -> MasterKey.load(Optional.empty(), Optional.empty(), dir.resolve("m"), true))
        .hasMessageContaining(
            "An external state store (millflow.db.url) or cluster mode needs a master key")
        .hasMessageContaining("master-key-file");
    assertThat(dir.resolve("m")).doesNotExist();
  }

  @Test
  void aConfiguredKeyOrKeyFileWins() throws Exception {
    byte[] key = Aead.newKey();
    Path file =
        Files.writeString(dir.resolve("key.txt"), Base64.getEncoder().encodeToString(key) + "\n");

    assertThat(
            MasterKey.load(
                Optional.of(Base64.getEncoder().encodeToString(key)),
                Optional.empty(),
                dir.resolve("g"),
                true))
        .isEqualTo(key);
    assertThat(MasterKey.load(Optional.empty(), Optional.of(file), dir.resolve("g"), true))
        .isEqualTo(key);
    assertThatThrownBy(
            () -> MasterKey.load(Optional.of("not base64!"), Optional.empty(), dir, false))
        .hasMessageContaining("not Base64");
  }

  @Test
  void aWrappedKeyOpensOnlyWithItsMasterKeyAndOwner() {
    MasterKey master = new MasterKey(Aead.newKey());
    byte[] dataKey = Aead.newKey();
    byte[] wrapped = master.wrap(dataKey, "tenant-a");

    assertThat(master.unwrap(wrapped, "tenant-a")).isEqualTo(dataKey);
    assertThatThrownBy(() -> master.unwrap(wrapped, "tenant-b"))
        .isInstanceOf(Aead.KeyMismatchException.class);
    assertThatThrownBy(() -> new MasterKey(Aead.newKey()).unwrap(wrapped, "tenant-a"))
        .isInstanceOf(Aead.KeyMismatchException.class);
    assertThat(master.id()).startsWith("mk-").isNotEqualTo(new MasterKey(Aead.newKey()).id());
  }
}
