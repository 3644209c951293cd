package io.millflow.connector.mongodb;

import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoInternalException;
import com.mongodb.MongoOperationTimeoutException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoServerException;
import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.connection.ClusterDescription;
import com.mongodb.connection.ServerDescription;
import io.millflow.step.ConnectionCheck;
import io.millflow.step.ConnectionProblem;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLException;

/**
 * What a failed MongoDB connection test means for the user. The driver reports most connection
 * failures as a server selection timeout whose reason sits in the cluster description (each
 * server's last exception), so both are read. Messages are built from the settings, never from the
 * driver's text about credentials; the password is never in them.
 */
final class MongoCheckFailures {

  private static final int UNAUTHORIZED = 13;
  private static final int AUTHENTICATION_FAILED = 18;

  /** A classified failure; {@link #check} adds the time the test took. */
  record Failure(ConnectionProblem problem, String message, String fix) {

    ConnectionCheck check(Duration took) {
      return ConnectionCheck.failed(problem, message, fix, took);
    }
  }

  private MongoCheckFailures() {}

  /**
   * @param cluster the client's view after the failure, or null
   * @param user the user name, or null when the connection has none
   */
  static Failure classify(
      Throwable error,
      ClusterDescription cluster,
      MongoSettings settings,
      String user,
      Duration timeout) {
    List<Throwable> causes = causes(error, cluster);
    String where = "MongoDB at " + settings.hosts();
    if (has(causes, MongoSecurityException.class) || hasCode(causes, AUTHENTICATION_FAILED)) {
      return new Failure(
          ConnectionProblem.AUTH_FAILED,
          where
              + " rejected the user name or password"
              + (user == null
                  ? " (the connection has no user name, and the server requires one)"
                  : " of user '"
                      + user
                      + "' (authenticated against database '"
                      + settings.authSource()
                      + "')")
              + ".",
          "Enter the right 'username' and 'password' in the connection's credentials; if the user is defined in"
              + " another database than '"
              + settings.authSource()
              + "', set 'authSource' to that database.");
    }
    if (has(causes, SSLException.class)) {
      return new Failure(
          ConnectionProblem.TLS_ERROR,
          "The TLS handshake with " + where + " failed.",
          "Check 'tls=true' in the connection string matches the server, and that this machine trusts the server's"
              + " certificate (its CA in the Java trust store).");
    }
    if (has(causes, UnknownHostException.class)) {
      return new Failure(
          ConnectionProblem.UNREACHABLE,
          "The host name of " + where + " is not known (DNS).",
          "Check the host name in the connection's 'host' or 'connectionString'.");
    }
    if (has(causes, ConnectException.class) || has(causes, NoRouteToHostException.class)) {
      return new Failure(
          ConnectionProblem.UNREACHABLE,
          where + " refused the connection: nothing listens there.",
          "Check the host and port (MongoDB's default is 27017), that MongoDB is running, and that a firewall lets"
              + " this machine in.");
    }
    if (isTimeout(causes)) {
      return new Failure(
          ConnectionProblem.TIMEOUT,
          where + " did not answer within " + timeout.toMillis() + " ms.",
          "Check the host and port (a firewall that drops packets looks like this) and the server's load; for a"
              + " replica set, check 'replicaSet' in the connection string.");
    }
    if (hasCode(causes, UNAUTHORIZED)) {
      return new Failure(
          ConnectionProblem.NO_PERMISSION,
          "User '"
              + (user == null ? "(none)" : user)
              + "' may"
              + " not list the collections of database '"
              + settings.database()
              + "' ("
              + serverMessage(causes)
              + ").",
          "Grant the user the readWrite role on '"
              + settings.database()
              + "' (db.grantRolesToUser(\""
              + user
              + "\", [{role: \"readWrite\", db: \""
              + settings.database()
              + "\"}])); mongodb.write needs find,"
              + " insert, update, remove and createIndex there.");
    }
    if (has(causes, MongoSocketReadException.class) || has(causes, MongoInternalException.class)) {
      return new Failure(
          ConnectionProblem.WRONG_URL,
          where + " answered, but not as MongoDB does.",
          "Check the port: it may belong to another service.");
    }
    return new Failure(
        ConnectionProblem.UNAVAILABLE,
        where + " failed the check (" + describe(causes) + ").",
        "Try again later; if it persists, check the server's log.");
  }

  private static List<Throwable> causes(Throwable error, ClusterDescription cluster) {
    List<Throwable> causes = new ArrayList<>();
    addChain(causes, error);
    if (cluster != null) {
      for (ServerDescription server : cluster.getServerDescriptions()) {
        addChain(causes, server.getException());
      }
    }
    return causes;
  }

  private static void addChain(List<Throwable> causes, Throwable error) {
    for (Throwable t = error; t != null && !causes.contains(t); t = t.getCause()) {
      causes.add(t);
    }
  }

  private static boolean has(List<Throwable> causes, Class<? extends Throwable> type) {
    return causes.stream().anyMatch(type::isInstance);
  }

  private static boolean hasCode(List<Throwable> causes, int code) {
    return causes.stream()
        .anyMatch(t -> t instanceof MongoServerException server && server.getCode() == code);
  }

  private static boolean isTimeout(List<Throwable> causes) {
    return has(causes, MongoTimeoutException.class)
        || has(causes, MongoSocketReadTimeoutException.class)
        || has(causes, SocketTimeoutException.class)
        || has(causes, MongoOperationTimeoutException.class)
        || has(causes, MongoExecutionTimeoutException.class);
  }

  private static String serverMessage(List<Throwable> causes) {
    return causes.stream()
        .filter(MongoServerException.class::isInstance)
        .map(MongoServerException.class::cast)
        .findFirst()
        .map(MongoErrors::shortMessage)
        .orElse("no details");
  }

  private static String describe(List<Throwable> causes) {
    return causes.stream()
        .filter(MongoServerException.class::isInstance)
        .map(MongoServerException.class::cast)
        .findFirst()
        .map(e -> "code " + e.getCode() + ": " + MongoErrors.shortMessage(e))
        .orElse(causes.get(0).getClass().getSimpleName());
  }
}
