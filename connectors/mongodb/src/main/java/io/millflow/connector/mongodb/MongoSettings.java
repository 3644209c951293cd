package io.millflow.connector.mongodb;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCredential;
import io.millflow.step.Connection;
import io.millflow.step.ConnectionKind;
import io.millflow.step.StepFailure;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * How the client of a {@code mongodb} connection is configured, derived from its {@link
 * MongoConnection}, with the checks that keep a password out of the connection string. Holds no
 * credential, so it is safe to print; credentials come from the record only when the client
 * settings are built.
 */
record MongoSettings(
    String connection, String connectionString, String database, String authSource) {

  /**
   * The driver waits 30 s for a server by default; a step should learn sooner that the server is
   * gone.
   */
  private static final int SERVER_SELECTION_TIMEOUT_MS = 10_000;

  private static final int CONNECT_TIMEOUT_MS = 10_000;

  /** Binds a stored connection first (its type, values and defaults). */
  static MongoSettings of(Connection connection) {
    return of(connection.name(), ConnectionKind.of(MongoConnection.class).bind(connection));
  }

  static MongoSettings of(String name, MongoConnection connection) {
    String url = connectionString(name, connection);
    if (!CollectionName.isValidDatabase(connection.database())) {
      throw invalid(
          name, "'database' must be a MongoDB database name (no spaces, dots, slashes or quotes)");
    }
    return new MongoSettings(name, url, connection.database(), connection.authSource());
  }

  /** The driver's settings, with the connection's credentials when it has a user name. */
  MongoClientSettings clientSettings(MongoConnection credentials) {
    MongoClientSettings.Builder builder =
        MongoClientSettings.builder()
            .applicationName("millflow")
            .applyToClusterSettings(
                c -> c.serverSelectionTimeout(SERVER_SELECTION_TIMEOUT_MS, TimeUnit.MILLISECONDS))
            .applyToSocketSettings(s -> s.connectTimeout(CONNECT_TIMEOUT_MS, TimeUnit.MILLISECONDS))
            // Applied after our defaults: options the user put in the connection string win.
            .applyConnectionString(new ConnectionString(connectionString));
    if (credentials.username() != null) {
      builder.credential(
          MongoCredential.createCredential(
              credentials.username(),
              authSource,
              (credentials.password() == null ? "" : credentials.password()).toCharArray()));
    }
    return builder.build();
  }

  /**
   * The client settings of a connection test: the connection's own, with server selection, connect
   * and read timeouts all set to {@code timeout}, so an unreachable or silent server is reported in
   * seconds.
   */
  MongoClientSettings clientSettings(MongoConnection credentials, Duration timeout) {
    int millis = Math.toIntExact(timeout.toMillis());
    return MongoClientSettings.builder(clientSettings(credentials))
        .applyToClusterSettings(c -> c.serverSelectionTimeout(millis, TimeUnit.MILLISECONDS))
        .applyToSocketSettings(
            s ->
                s.connectTimeout(millis, TimeUnit.MILLISECONDS)
                    .readTimeout(millis, TimeUnit.MILLISECONDS))
        .build();
  }

  /** The setting a connection's servers come from, for messages. */
  static String field(MongoConnection connection) {
    return connection.connectionString() != null ? "settings.connectionString" : "settings.host";
  }

  /**
   * The servers the connection names, {@code host:port} each, for messages; holds no credential.
   */
  String hosts() {
    return String.join(", ", new ConnectionString(connectionString).getHosts());
  }

  private static String connectionString(String connection, MongoConnection settings) {
    if (settings.connectionString() == null) {
      String host = settings.host();
      if (host == null) {
        throw new StepFailure(
            "CONNECTION_INCOMPLETE",
            "Connection '"
                + connection
                + "' has no setting 'host' (nor a"
                + " 'connectionString'): add it to the connection's configuration.");
      }
      String bracketedHost = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
      return "mongodb://" + bracketedHost + ":" + settings.port() + "/";
    }
    String text = settings.connectionString();
    if (!text.startsWith("mongodb://") && !text.startsWith("mongodb+srv://")) {
      throw invalid(connection, "'connectionString' must start with mongodb:// or mongodb+srv://");
    }
    // Settings are not secret (they are shown and logged); a password there would leak.
    String authority = text.substring(text.indexOf("://") + 3).split("[/?]", 2)[0];
    if (authority.contains("@")) {
      throw invalid(
          connection,
          "'connectionString' must not contain a user name or password; enter them as the"
              + " connection's credentials 'username' and 'password'");
    }
    try {
      new ConnectionString(text);
    } catch (IllegalArgumentException e) {
      throw invalid(connection, "'connectionString' is not a valid MongoDB connection string");
    }
    return text;
  }

  private static StepFailure invalid(String connection, String problem) {
    return new StepFailure(
        "CONNECTION_INVALID",
        "Connection '"
            + connection
            + "' has an invalid setting: "
            + problem
            + ". Correct it in the connection's configuration.");
  }
}
