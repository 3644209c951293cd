package io.millflow.engine.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.millflow.engine.config.MillflowConfig;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;
import org.jdbi.v3.core.Jdbi;

/**
 * Millflow's own PostgreSQL: run history, flows, datasets. Embedded by default (data under {@code
 * millflow.data-dir}, logged in to with the password the embedded server generated); an external
 * server when {@code millflow.db.url} is set. Migrations run on start.
 */
@Singleton
public class StateStore {

  private static final Logger LOG = Logger.getLogger(StateStore.class);

  private final Optional<EmbeddedPostgresServer> embedded;
  private final HikariDataSource dataSource;
  private final Jdbi jdbi;

  public StateStore(MillflowConfig config) {
    MillflowConfig.Db db = config.db();
    this.embedded =
        db.url().isPresent()
            ? Optional.empty()
            : Optional.of(
                EmbeddedPostgresServer.start(
                    config.dataDir().toAbsolutePath(), db.embeddedDurability()));
    DatabaseLogin login =
        embedded
            .map(EmbeddedPostgresServer::stateStore)
            .orElseGet(
                () ->
                    new DatabaseLogin(
                        db.url().orElseThrow(),
                        db.username().orElse(null),
                        db.password().orElse(null)));
    this.dataSource = pool(login, db.poolSize(), db.connectionTimeout());
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    this.jdbi = Jdbi.create(dataSource);
    LOG.infof(
        "State store: %s",
        embedded.isPresent()
            ? "embedded PostgreSQL on port "
                + embedded.get().port()
                + ", data in "
                + config.dataDir().toAbsolutePath().resolve("postgres")
            : "external PostgreSQL " + redacted(login.jdbcUrl()));
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /**
   * The embedded server, when Millflow runs one; the sandbox connections use it for the example
   * warehouse.
   */
  public Optional<EmbeddedPostgresServer> embeddedServer() {
    return embedded;
  }

  @PreDestroy
  void close() {
    dataSource.close();
    embedded.ifPresent(EmbeddedPostgresServer::close);
  }

  private static HikariDataSource pool(
      DatabaseLogin login, int size, java.time.Duration connectionTimeout) {
    HikariConfig hikari = new HikariConfig();
    hikari.setConnectionTimeout(connectionTimeout.toMillis());
    hikari.setJdbcUrl(login.jdbcUrl());
    hikari.setUsername(login.username());
    hikari.setPassword(login.password());
    hikari.setMaximumPoolSize(size);
    hikari.setPoolName("millflow-state");
    return new HikariDataSource(hikari);
  }

  private static String redacted(String jdbcUrl) {
    return jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1***");
  }
}
