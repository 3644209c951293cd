package io.millflow.connector.mongodb;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCredential;
import io.millflow.step.Connection;
import io.millflow.step.StepFailure;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The settings of a {@code mongodb} connection, checked. Holds no credential, so it is safe to print; credentials are
 * read from the connection only when the client settings are built.
 */
record MongoSettings(String connection, String connectionString, String database, String authSource) {

  static final int DEFAULT_PORT = 27017;
  static final String DEFAULT_AUTH_SOURCE = "admin";
  /** The driver waits 30 s for a server by default; a step should learn sooner that the server is gone. */
  private static final int SERVER_SELECTION_TIMEOUT_MS = 10_000;
  private static final int CONNECT_TIMEOUT_MS = 10_000;

  static MongoSettings of(Connection connection) {
    if (!MongoConnections.TYPE.equals(connection.type())) {
      throw new StepFailure("CONNECTION_INVALID", "Connection '" + connection.name() + "' is a '" + connection.type()
          + "' connection, not a MongoDB one: choose a connection of type 'mongodb'.");
    }
    String url = connectionString(connection);
    String database = connection.setting("database").strip();
    if (!CollectionName.isValidDatabase(database)) {
      throw invalid(connection, "'database' must be a MongoDB database name (no spaces, dots, slashes or quotes)");
    }
    String authSource = connection.optionalSetting("authSource").map(String::strip).orElse(DEFAULT_AUTH_SOURCE);
    return new MongoSettings(connection.name(), url, database, authSource);
  }

  /** The driver's settings, with the connection's credentials when it has a user name. */
  MongoClientSettings clientSettings(Connection credentials) {
    MongoClientSettings.Builder builder = MongoClientSettings.builder()
        .applicationName("millflow")
        .applyToClusterSettings(c -> c.serverSelectionTimeout(SERVER_SELECTION_TIMEOUT_MS, TimeUnit.MILLISECONDS))
        .applyToSocketSettings(s -> s.connectTimeout(CONNECT_TIMEOUT_MS, TimeUnit.MILLISECONDS))
        // Applied after our defaults: options the user put in the connection string win.
        .applyConnectionString(new ConnectionString(connectionString));
    credentials.optionalCredential("username").ifPresent(user -> builder.credential(MongoCredential.createCredential(
        user, authSource, credentials.optionalCredential("password").orElse("").toCharArray())));
    return builder.build();
  }

  /**
   * The client settings of a connection test: the connection's own, with server selection, connect and read timeouts
   * all set to {@code timeout}, so an unreachable or silent server is reported in seconds.
   */
  MongoClientSettings clientSettings(Connection credentials, Duration timeout) {
    int millis = Math.toIntExact(timeout.toMillis());
    return MongoClientSettings.builder(clientSettings(credentials))
        .applyToClusterSettings(c -> c.serverSelectionTimeout(millis, TimeUnit.MILLISECONDS))
        .applyToSocketSettings(s -> s.connectTimeout(millis, TimeUnit.MILLISECONDS)
            .readTimeout(millis, TimeUnit.MILLISECONDS))
        .build();
  }

  /** The servers the connection names, {@code host:port} each, for messages; holds no credential. */
  String hosts() {
    return String.join(", ", new ConnectionString(connectionString).getHosts());
  }

  private static String connectionString(Connection connection) {
    var url = connection.optionalSetting("connectionString").map(String::strip);
    if (url.isEmpty()) {
      String host = connection.setting("host").strip();
      String port = connection.optionalSetting("port").map(String::strip).orElse(String.valueOf(DEFAULT_PORT));
      if (!port.matches("\\d{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65_535) {
        throw invalid(connection, "'port' must be a whole number from 1 to 65535");
      }
      String bracketedHost = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
      return "mongodb://" + bracketedHost + ":" + port + "/";
    }
    String text = url.get();
    if (!text.startsWith("mongodb://") && !text.startsWith("mongodb+srv://")) {
      throw invalid(connection, "'connectionString' must start with mongodb:// or mongodb+srv://");
    }
    // Settings are not secret (they are shown and logged); a password there would leak.
    String authority = text.substring(text.indexOf("://") + 3).split("[/?]", 2)[0];
    if (authority.contains("@")) {
      throw invalid(connection, "'connectionString' must not contain a user name or password; enter them as the"
          + " connection's credentials 'username' and 'password'");
    }
    try {
      new ConnectionString(text);
    } catch (IllegalArgumentException e) {
      throw invalid(connection, "'connectionString' is not a valid MongoDB connection string");
    }
    return text;
  }

  private static StepFailure invalid(Connection connection, String problem) {
    return new StepFailure("CONNECTION_INVALID", "Connection '" + connection.name() + "' has an invalid setting: "
        + problem + ". Correct it in the connection's configuration.");
  }
}
