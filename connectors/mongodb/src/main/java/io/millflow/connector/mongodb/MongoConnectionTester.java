package io.millflow.connector.mongodb;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.spi.dns.InetAddressResolver;
import io.millflow.step.ConnectionCheck;
import io.millflow.step.ConnectionProblem;
import io.millflow.step.ConnectionSockets;
import io.millflow.step.ConnectionTester;
import io.millflow.step.StepFailure;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/**
 * Tests a {@code mongodb} connection with two round trips on a client of its own: {@code ping}
 * (reaches the server and authenticates) and {@code listCollections} on the connection's database
 * (the user may work there). Timeouts are short, so a silent server is reported within seconds.
 * Failures become specific problems ({@link MongoCheckFailures}).
 *
 * <p>A database that does not exist yet is not a failure: MongoDB creates it on the first write, so
 * the check passes and its details say {@code collections: 0}.
 */
@Singleton
public final class MongoConnectionTester implements ConnectionTester<MongoConnection> {

  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  private final Duration timeout;
  private final ConnectionSockets sockets;
  private final InetAddressResolver names;

  /** No address checked: for tests apart from a runtime. */
  public MongoConnectionTester() {
    this(DEFAULT_TIMEOUT);
  }

  @Inject
  public MongoConnectionTester(ConnectionSockets sockets) {
    this(DEFAULT_TIMEOUT, sockets, GuardedAddressResolver.SYSTEM);
  }

  MongoConnectionTester(Duration timeout) {
    this(timeout, ConnectionSockets.unchecked(), GuardedAddressResolver.SYSTEM);
  }

  MongoConnectionTester(Duration timeout, ConnectionSockets sockets, InetAddressResolver names) {
    this.timeout = timeout;
    this.sockets = sockets;
    this.names = names;
  }

  @Override
  public Class<MongoConnection> connectionType() {
    return MongoConnection.class;
  }

  @Override
  public ConnectionCheck check(String name, MongoConnection connection) {
    long start = System.nanoTime();
    MongoSettings settings;
    try {
      settings = MongoSettings.of(name, connection);
      requirePasswordWithUser(name, connection);
    } catch (StepFailure e) {
      return ConnectionCheck.failed(
          ConnectionProblem.INCOMPLETE,
          e.getMessage(),
          "Complete the connection's settings and credentials as the message says, then test again.",
          since(start));
    }
    Optional<GuardedAddressResolver> guarded =
        GuardedAddressResolver.of(
            sockets.guard(name, connection), MongoSettings.field(connection), names);
    try (MongoClient client =
        MongoClients.create(
            GuardedAddressResolver.applied(
                settings.clientSettings(connection, timeout), guarded))) {
      try {
        MongoDatabase database = client.getDatabase(settings.database());
        database.runCommand(new Document("ping", 1));
        int collections = database.listCollectionNames().into(new ArrayList<>()).size();
        return ConnectionCheck.passed(
            since(start),
            Map.of(
                "hosts",
                settings.hosts(),
                "database",
                settings.database(),
                "collections",
                String.valueOf(collections)));
      } catch (RuntimeException e) {
        Optional<String> refused = guarded.flatMap(GuardedAddressResolver::refusal);
        if (refused.isPresent()) {
          return ConnectionCheck.failed(
              ConnectionProblem.WRONG_URL,
              refused.get(),
              "Correct the setting; nothing was sent to that address.",
              since(start));
        }
        return MongoCheckFailures.classify(
                e, client.getClusterDescription(), settings, connection.username(), timeout)
            .check(since(start));
      }
    }
  }

  private static void requirePasswordWithUser(String name, MongoConnection connection) {
    if (connection.username() != null && connection.password() == null) {
      throw new StepFailure(
          "CONNECTION_INCOMPLETE",
          "Connection '" + name + "' has a 'username' but" + " no 'password'.");
    }
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }
}
