package io.millflow.engine.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * For tests of one store class: an embedded PostgreSQL in {@code target/<folder>} with every
 * state-store migration applied, as the runtime's own store has them.
 */
public final class MigratedStateStore implements AutoCloseable {

  private final EmbeddedPostgres postgres;
  private final Jdbi jdbi;

  private MigratedStateStore(EmbeddedPostgres postgres) {
    this.postgres = postgres;
    this.jdbi = Jdbi.create(postgres.getPostgresDatabase());
  }

  public static MigratedStateStore start(String folder) throws IOException {
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setOverrideWorkingDirectory(new File("target/" + folder))
            .start();
    Flyway.configure()
        .dataSource(postgres.getPostgresDatabase())
        .locations("classpath:db/migration")
        .load()
        .migrate();
    return new MigratedStateStore(postgres);
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
