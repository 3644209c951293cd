package io.millflow.engine.store;

import io.millflow.engine.TestMasterKey;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A PostgreSQL server Millflow did not start, given to it by URL: the state store's external mode.
 * The example warehouse connection points at the same server, as a user would configure it.
 */
public class ExternalPostgres implements QuarkusTestResourceLifecycleManager {

  static EmbeddedPostgres server;

  @Override
  public Map<String, String> start() {
    try {
      server =
          EmbeddedPostgres.builder()
              .setOverrideWorkingDirectory(new File("target/pg-external-state"))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String url = server.getJdbcUrl("postgres", "postgres");
    return Map.of(
        "millflow.db.url",
        url,
        "millflow.db.username",
        "postgres",
        // an external state store needs the key every instance over it shares: the tests' one
        "millflow.security.master-key-file",
        TestMasterKey.file().toString(),
        "millflow.connections.warehouse.type",
        "postgres",
        "millflow.connections.warehouse.settings.jdbcUrl",
        url,
        "millflow.connections.warehouse.credentials.username",
        "postgres");
  }

  @Override
  public void stop() {
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
