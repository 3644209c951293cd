package io.millflow.connector.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.millflow.step.Connection;
import io.millflow.step.StepFailure;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.TemplateEngine;

/**
 * Connection pools of PostgreSQL connections ({@code type: postgres}), one per distinct connection configuration. A
 * pool is reused while the connection's settings and credentials stay the same; a changed connection gets a new pool,
 * and a pool nobody asked for during {@link #DEFAULT_IDLE_EVICTION} (with no connection in use) is closed.
 *
 * <p>Settings: {@code jdbcUrl} ({@code jdbc:postgresql://...}) or {@code host}, {@code port} (5432) and
 * {@code database}; {@code schema} (public); {@code poolSize} (5). Credentials: {@code username}, {@code password}.
 */
@Singleton
public final class PostgresDataSources implements AutoCloseable {

  public static final String TYPE = "postgres";
  static final Duration DEFAULT_IDLE_EVICTION = Duration.ofMinutes(10);

  private final Map<Connection, Pool> pools = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration idleEviction;

  public PostgresDataSources() {
    this(Clock.systemUTC(), DEFAULT_IDLE_EVICTION);
  }

  PostgresDataSources(Clock clock, Duration idleEviction) {
    this.clock = clock;
    this.idleEviction = idleEviction;
  }

  /**
   * The pooled data source of a connection, opened (and tested with one connection) on first use.
   *
   * @throws StepFailure {@code CONNECTION_INVALID} for a connection of another type or with unusable settings
   * @throws io.millflow.step.ReauthRequiredException when PostgreSQL rejects the user name or password
   * @throws io.millflow.step.RetryableStepException when PostgreSQL cannot be reached
   */
  public DataSource dataSource(Connection connection) {
    return pool(connection).dataSource();
  }

  /** A Jdbi over {@link #dataSource}; same failures. */
  public Jdbi jdbi(Connection connection) {
    return pool(connection).jdbi();
  }

  /** The schema unqualified table names go to: the {@code schema} setting, or {@code public}. */
  public static String schema(Connection connection) {
    return PostgresSettings.of(connection).schema();
  }

  @Override
  @PreDestroy
  public void close() {
    pools.values().forEach(pool -> pool.dataSource().close());
    pools.clear();
  }

  private Pool pool(Connection connection) {
    Instant now = clock.instant();
    closeUnused(now);
    // The pool is touched under the same per-key lock closeUnused decides under, so a pool just handed out is never
    // closed before its caller borrows a connection. Opening happens under that lock too: concurrent first uses of
    // one connection open one pool, not several.
    return pools.compute(connection, (key, existing) -> (existing == null ? open(key) : existing).touch(now));
  }

  private Pool open(Connection connection) {
    HikariConfig config = PostgresSettings.of(connection).hikariConfig(connection);
    try {
      HikariDataSource dataSource = new HikariDataSource(config);
      Jdbi jdbi = Jdbi.create(dataSource);
      // Our SQL is rendered by SqlTemplates; Jdbi's own <name> templating must not touch it.
      jdbi.setTemplateEngine(TemplateEngine.NOP);
      return new Pool(dataSource, jdbi, clock.instant());
    } catch (RuntimeException e) {
      throw PostgresErrors.translate(e, connection.name(), "connecting");
    }
  }

  /** Closes pools no one asked for lately; a pool with a connection in use is kept whatever its age. */
  private void closeUnused(Instant now) {
    for (Connection connection : pools.keySet()) {
      pools.computeIfPresent(connection, (key, pool) -> {
        if (pool.unusedSince(now.minus(idleEviction))) {
          pool.dataSource().close();
          return null;
        }
        return pool;
      });
    }
  }

  /** The pools currently open, for tests. */
  int openPools() {
    return pools.size();
  }

  private static final class Pool {
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private volatile Instant lastUsed;

    Pool(HikariDataSource dataSource, Jdbi jdbi, Instant lastUsed) {
      this.dataSource = dataSource;
      this.jdbi = jdbi;
      this.lastUsed = lastUsed;
    }

    HikariDataSource dataSource() {
      return dataSource;
    }

    Jdbi jdbi() {
      return jdbi;
    }

    Pool touch(Instant now) {
      lastUsed = now;
      return this;
    }

    boolean unusedSince(Instant cutoff) {
      HikariPoolMXBean state = dataSource.getHikariPoolMXBean();
      return lastUsed.isBefore(cutoff) && (state == null || state.getActiveConnections() == 0);
    }
  }
}
