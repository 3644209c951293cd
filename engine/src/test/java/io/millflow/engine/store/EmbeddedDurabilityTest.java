package io.millflow.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.engine.config.MillflowConfig.EmbeddedDurability;
import java.nio.file.Path;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durable commits by default; fsync and synchronous_commit off only when the development setting
 * asks for it.
 */
class EmbeddedDurabilityTest {

  @TempDir Path dataDir;

  @Test
  void durableTurnsOnWhatZonkyTurnsOff() {
    assertThat(settings(EmbeddedDurability.DURABLE)).isEqualTo("on on on");
  }

  @Test
  void unsafeTurnsFsyncAndSynchronousCommitOff() {
    assertThat(settings(EmbeddedDurability.UNSAFE)).isEqualTo("off off on");
  }

  private String settings(EmbeddedDurability durability) {
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, durability)) {
      DatabaseLogin login = server.stateStore();
      return Jdbi.create(login.jdbcUrl(), login.username(), login.password())
          .withHandle(
              h ->
                  h.createQuery(
                          "select current_setting('fsync') || ' ' || current_setting('synchronous_commit') || ' '"
                              + " || current_setting('full_page_writes')")
                      .mapTo(String.class)
                      .one());
    }
  }
}
