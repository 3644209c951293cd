package io.millflow.connector.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.millflow.step.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.TemplateEngine;

/**
 * HikariCP pools, one per distinct connection configuration (name, settings and credentials). A
 * pool is reused while the connection stays the same; a changed connection gets a new pool, and a
 * pool nobody asked for during the idle eviction period (with no connection in use) is closed. Each
 * SQL connector supplies how a connection becomes a pool configuration, and how a failure to open
 * one becomes a step exception.
 */
public final class ConnectionPools implements AutoCloseable {

  public static final Duration DEFAULT_IDLE_EVICTION = Duration.ofMinutes(10);

  private final Map<Connection, Pool> pools = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration idleEviction;
  private final Function<Connection, HikariConfig> configure;
  private final BiFunction<RuntimeException, Connection, RuntimeException> openFailure;

  /**
   * @param configure the pool configuration of a connection; throws a StepFailure for an unusable
   *     connection
   * @param openFailure the step exception for a pool that could not open its first connection
   */
  public ConnectionPools(
      Clock clock,
      Duration idleEviction,
      Function<Connection, HikariConfig> configure,
      BiFunction<RuntimeException, Connection, RuntimeException> openFailure) {
    this.clock = clock;
    this.idleEviction = idleEviction;
    this.configure = configure;
    this.openFailure = openFailure;
  }

  public HikariDataSource dataSource(Connection connection) {
    return pool(connection).dataSource;
  }

  /**
   * A Jdbi over the pool, with Jdbi's own {@code <name>} templating off: SQL comes rendered by
   * SqlTemplates.
   */
  public Jdbi jdbi(Connection connection) {
    return pool(connection).jdbi;
  }

  /** The pools currently open. */
  public int openPools() {
    return pools.size();
  }

  @Override
  public void close() {
    pools.values().forEach(pool -> pool.dataSource.close());
    pools.clear();
  }

  private Pool pool(Connection connection) {
    Instant now = clock.instant();
    closeUnused(now);
    // The pool is touched under the same per-key lock closeUnused decides under, so a pool just
    // handed out is never closed before its caller borrows a connection. Opening happens under that
    // lock too: concurrent first uses of one connection open one pool, not several.
    return pools.compute(
        connection, (key, existing) -> (existing == null ? open(key) : existing).touch(now));
  }

  private Pool open(Connection connection) {
    HikariConfig config = configure.apply(connection);
    try {
      HikariDataSource dataSource = new HikariDataSource(config);
      Jdbi jdbi = Jdbi.create(dataSource);
      jdbi.setTemplateEngine(TemplateEngine.NOP);
      return new Pool(dataSource, jdbi, clock.instant());
    } catch (RuntimeException e) {
      throw openFailure.apply(e, connection);
    }
  }

  /**
   * Closes pools no one asked for lately; a pool with a connection in use is kept whatever its age.
   */
  private void closeUnused(Instant now) {
    for (Connection connection : pools.keySet()) {
      pools.computeIfPresent(
          connection,
          (key, pool) -> {
            if (pool.unusedSince(now.minus(idleEviction))) {
              pool.dataSource.close();
              return null;
            }
            return pool;
          });
    }
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
