package io.millflow.connector.sql;

import com.zaxxer.hikari.HikariConfig;
import io.millflow.step.Connection;
import io.millflow.step.ConnectionCheck;
import io.millflow.step.ConnectionProblem;
import io.millflow.step.ReauthRequiredException;
import io.millflow.step.StepFailure;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * How the SQL connection testers test: open one session with the connection's settings (not a
 * pooled one, so a changed password is tried at once and nothing is cached), run the connector's
 * cheapest meaningful checks, and turn any failure into a {@link ConnectionCheck} with a specific
 * problem and fix. A message never holds a credential.
 */
public final class JdbcConnectionCheck {

  /** Opens one session for a connection. */
  @FunctionalInterface
  public interface Opener {
    java.sql.Connection open(Connection connection) throws SQLException;

    /**
     * Through the driver, with the URL, driver properties and credentials of the connection's pool
     * configuration (which may throw a StepFailure for unusable settings).
     */
    static Opener of(Function<Connection, HikariConfig> config) {
      return connection -> {
        HikariConfig pool = config.apply(connection);
        return DriverManager.getConnection(pool.getJdbcUrl(), properties(pool));
      };
    }
  }

  /**
   * The connector's checks on an open session: the details to show, or a {@link Failed} for a
   * finding.
   */
  @FunctionalInterface
  public interface Checks {
    Map<String, String> run(java.sql.Connection session) throws SQLException;
  }

  /**
   * A check's finding (schema missing, no privilege to create tables), with what to do about it.
   */
  public static final class Failed extends RuntimeException {
    private final ConnectionProblem problem;
    private final String fix;

    public Failed(ConnectionProblem problem, String message, String fix) {
      super(message);
      this.problem = problem;
      this.fix = fix;
    }
  }

  private final Clock clock;
  private final Map<Integer, ConnectionProblem> vendorCodes;

  public JdbcConnectionCheck(Clock clock, Map<Integer, ConnectionProblem> vendorCodes) {
    this.clock = clock;
    this.vendorCodes = vendorCodes;
  }

  /**
   * @param system the database's name for messages: "PostgreSQL"
   */
  public ConnectionCheck test(Connection connection, Opener opener, String system, Checks checks) {
    Instant start = clock.instant();
    try (java.sql.Connection session = opener.open(connection)) {
      return ConnectionCheck.passed(took(start), checks.run(session));
    } catch (StepFailure | ReauthRequiredException e) {
      return ConnectionCheck.failed(
          ConnectionProblem.INCOMPLETE,
          hide(e.getMessage(), connection),
          ConnectionProblems.fix(ConnectionProblem.INCOMPLETE),
          took(start));
    } catch (Failed e) {
      return ConnectionCheck.failed(
          e.problem, hide(e.getMessage(), connection), e.fix, took(start));
    } catch (SQLException | RuntimeException e) {
      if (OutboundAddressRefused.in(e).isPresent()) {
        return OutboundAddressRefused.in(e).get().check(took(start));
      }
      ConnectionProblem problem = ConnectionProblems.classify(e, vendorCodes);
      String answer =
          SqlErrors.sqlCause(e)
              .map(sql -> SqlErrors.firstLine(sql.getMessage()))
              .orElse(SqlErrors.firstLine(e.getMessage()));
      return ConnectionCheck.failed(
          problem,
          hide(system + " answered: " + answer, connection),
          ConnectionProblems.fix(problem),
          took(start));
    }
  }

  /** The driver's properties: the pool's data-source properties and the credentials. */
  private static Properties properties(HikariConfig pool) {
    Properties properties = new Properties();
    properties.putAll(pool.getDataSourceProperties());
    if (pool.getUsername() != null) {
      properties.setProperty("user", pool.getUsername());
    }
    if (pool.getPassword() != null) {
      properties.setProperty("password", pool.getPassword());
    }
    return properties;
  }

  /**
   * A driver may echo what it was given; no credential of the connection ever leaves in a message.
   */
  private static String hide(String message, Connection connection) {
    String text = message == null ? "no message" : message;
    for (String secret : connection.credentials().values()) {
      if (secret != null && secret.length() >= 3) {
        text = text.replace(secret, "***");
      }
    }
    return text;
  }

  private Duration took(Instant start) {
    return Duration.between(start, clock.instant());
  }
}
