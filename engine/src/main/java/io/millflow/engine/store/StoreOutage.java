package io.millflow.engine.store;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.jdbi.v3.core.ConnectionException;

/**
 * The state store being unreachable (PostgreSQL down, restarting or cut off), told apart from every
 * other database error, and writes that must outlast such an outage: those that record a side
 * effect already done (a flow instance started), since giving up on them means doing the side
 * effect again.
 */
public final class StoreOutage {

  private static final Logger LOG = Logger.getLogger(StoreOutage.class);

  private StoreOutage() {}

  /**
   * Whether {@code e} says the database could not be reached, as opposed to a statement it refused.
   */
  public static boolean isUnreachable(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectionException
          || cause instanceof SQLTransientConnectionException) {
        return true;
      }
      if (cause instanceof SQLException sql
          && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
        // 08: the connection broke under the statement; 57P: the server is shutting down or
        // starting up
        return true;
      }
    }
    return false;
  }

  /**
   * Runs {@code write} until it succeeds, retrying while the store is unreachable, for at most
   * {@code within}; any other failure, or the outage outlasting {@code within}, is thrown.
   */
  public static <T> T persistently(String what, Duration within, Supplier<T> write) {
    Instant giveUp = Instant.now().plus(within);
    long waitMillis = 250;
    while (true) {
      try {
        return write.get();
      } catch (RuntimeException e) {
        if (!isUnreachable(e) || Instant.now().plusMillis(waitMillis).isAfter(giveUp)) {
          throw e;
        }
        LOG.warnf(
            "The state store is unreachable while %s; trying again in %d ms (%s)",
            what, waitMillis, e.getMessage());
        try {
          Thread.sleep(waitMillis);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
        waitMillis = Math.min(waitMillis * 2, 5_000);
      }
    }
  }
}
