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
 * Millflow's own PostgreSQL: run history, flows, datasets. Embedded by default (data under {@code millflow.data-dir});
 * an external server when {@code millflow.db.url} is set. Migrations run on start.
 */
@Singleton
public class StateStore {

  private static final Logger LOG = Logger.getLogger(StateStore.class);

  private final Optional<EmbeddedPostgresServer> embedded;
  private final HikariDataSource dataSource;
  private final Jdbi jdbi;

  public StateStore(MillflowConfig config) {
    MillflowConfig.Db db = config.db();
    this.embedded = db.url().isPresent() ? Optional.empty()
        : Optional.of(EmbeddedPostgresServer.start(config.dataDir().toAbsolutePath()));
    String url = db.url().orElseGet(() -> embedded.orElseThrow().jdbcUrl("millflow"));
    this.dataSource = pool(url, db.username().orElse(embedded.isPresent() ? "postgres" : null),
        db.password().orElse(null), db.poolSize(), db.connectionTimeout());
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    this.jdbi = Jdbi.create(dataSource);
    LOG.infof("State store: %s", embedded.isPresent()
        ? "embedded PostgreSQL on port " + embedded.get().port() + ", data in " + config.dataDir().toAbsolutePath().resolve("postgres")
        : "external PostgreSQL " + redacted(url));
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** The embedded server, when Millflow runs one; the sandbox connections use it for the example warehouse. */
  public Optional<EmbeddedPostgresServer> embeddedServer() {
    return embedded;
  }

  @PreDestroy
  void close() {
    dataSource.close();
    embedded.ifPresent(EmbeddedPostgresServer::close);
  }

  private static HikariDataSource pool(String url, String username, String password, int size,
      java.time.Duration connectionTimeout) {
    HikariConfig hikari = new HikariConfig();
    hikari.setConnectionTimeout(connectionTimeout.toMillis());
    hikari.setJdbcUrl(url);
    hikari.setUsername(username);
    hikari.setPassword(password);
    hikari.setMaximumPoolSize(size);
    hikari.setPoolName("millflow-state");
    return new HikariDataSource(hikari);
  }

  private static String redacted(String jdbcUrl) {
    return jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1***");
  }
}
