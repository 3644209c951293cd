package io.millflow.connector.sql;

import io.millflow.step.ConnectionProblem;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.Map;
import javax.net.ssl.SSLException;

/**
 * What a failed attempt to open or use a database connection means for the user, the same way for
 * every SQL connector: the network and TLS causes first (a driver wraps them in its own exception),
 * then the connector's own error codes, then the SQLSTATE class. Each problem comes with the fix a
 * user can act on.
 */
public final class ConnectionProblems {

  private ConnectionProblems() {}

  /**
   * @param vendorCodes the connector's own error codes that say more than their SQLSTATE (MySQL's
   *     1049 unknown database, Snowflake's 390100 wrong password)
   */
  public static ConnectionProblem classify(
      Throwable error, Map<Integer, ConnectionProblem> vendorCodes) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      ConnectionProblem network =
          switch (t) {
            case UnknownHostException e -> ConnectionProblem.UNREACHABLE;
            case ConnectException e -> ConnectionProblem.UNREACHABLE;
            case NoRouteToHostException e -> ConnectionProblem.UNREACHABLE;
            case SocketTimeoutException e -> ConnectionProblem.TIMEOUT;
            case SQLTimeoutException e -> ConnectionProblem.TIMEOUT;
            case SSLException e -> ConnectionProblem.TLS_ERROR;
            case CertificateException e -> ConnectionProblem.TLS_ERROR;
            default -> null;
          };
      if (network != null) {
        return network;
      }
    }
    SQLException sql = SqlErrors.sqlCause(error).orElse(null);
    if (sql == null) {
      return ConnectionProblem.UNAVAILABLE;
    }
    ConnectionProblem vendor = vendorCodes.get(sql.getErrorCode());
    return vendor != null ? vendor : byState(SqlErrors.state(sql));
  }

  /** What the user should change for a problem. */
  public static String fix(ConnectionProblem problem) {
    return switch (problem) {
      case INCOMPLETE ->
          "Add or correct the setting the message names in the connection's configuration.";
      case UNREACHABLE, WRONG_URL ->
          "Check the connection's host and port (or jdbcUrl / account), and that this"
              + " machine may reach the server (DNS, firewall, VPN).";
      case AUTH_FAILED, WRONG_CERTIFICATE_ID ->
          "Enter the correct user name and password (or private key) in the"
              + " connection's credentials; check that the user is not locked.";
      case CLOCK_SKEW -> "Correct this machine's clock.";
      case NO_PERMISSION ->
          "Grant the user the privilege the message names (for writing: CREATE on the schema),"
              + " or use another user.";
      case MISSING_DATABASE -> "Correct the connection's database or schema, or create it.";
      case TLS_ERROR ->
          "Check the connection's TLS settings and that the server's certificate is trusted by this"
              + " machine.";
      case TIMEOUT -> "The server did not answer in time: check the network path, then test again.";
      case UNAVAILABLE ->
          "The server is refusing connections right now (starting, overloaded, too many"
              + " connections): test again later.";
    };
  }

  private static ConnectionProblem byState(String state) {
    if (state.startsWith("28")) {
      return ConnectionProblem.AUTH_FAILED;
    }
    if (state.equals("3D000") || state.equals("3F000")) {
      return ConnectionProblem.MISSING_DATABASE;
    }
    if (state.equals("42501")) {
      return ConnectionProblem.NO_PERMISSION;
    }
    if (state.equals("HYT00") || state.equals("57014")) {
      return ConnectionProblem.TIMEOUT;
    }
    if (state.startsWith("08")) {
      return ConnectionProblem.UNREACHABLE;
    }
    return ConnectionProblem.UNAVAILABLE;
  }
}
