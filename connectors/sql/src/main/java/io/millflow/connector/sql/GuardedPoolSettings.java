package io.millflow.connector.sql;

import com.zaxxer.hikari.HikariConfig;
import io.millflow.step.Connection;
import io.millflow.step.ConnectionKind;
import io.millflow.step.ConnectionSockets;
import java.util.function.BiFunction;

/**
 * The pool settings of one SQL connection type, derived from its connection record {@code C}: what
 * its driver adds to the pool and how that driver is made to open its sockets through a guard.
 * {@link #hikariConfig(Connection, ConnectionSockets, Class, BiFunction)} is the glue every type
 * shares.
 */
public interface GuardedPoolSettings<C extends Record & JdbcServer> {

  /** The pool's configuration, with the connection's credentials; no socket checked. */
  HikariConfig hikariConfig(C credentials);

  /**
   * Has the driver open every socket through the guard {@code guardKey} names (see {@link
   * SocketGuards}), and refuses a URL that would go around it, as the driver's own parser reads it.
   */
  void guardSockets(HikariConfig config, String guardKey);

  /**
   * The pool's configuration of a stored connection: bound to {@code type}, configured by the
   * settings {@code settingsOf} derives from it, each socket checked by the guard {@code sockets}
   * gives the connection, if any.
   */
  static <C extends Record & JdbcServer> HikariConfig hikariConfig(
      Connection connection,
      ConnectionSockets sockets,
      Class<C> type,
      BiFunction<String, C, ? extends GuardedPoolSettings<C>> settingsOf) {
    C bound = ConnectionKind.of(type).bind(connection);
    GuardedPoolSettings<C> settings = settingsOf.apply(connection.name(), bound);
    HikariConfig config = settings.hikariConfig(bound);
    sockets
        .guard(connection.name(), bound)
        .ifPresent(
            guard -> settings.guardSockets(config, SocketGuards.key(guard, bound.serverSetting())));
    return config;
  }
}
