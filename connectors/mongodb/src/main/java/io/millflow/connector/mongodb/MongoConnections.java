package io.millflow.connector.mongodb;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.spi.dns.InetAddressResolver;
import io.millflow.step.Connection;
import io.millflow.step.ConnectionKind;
import io.millflow.step.ConnectionSockets;
import io.millflow.step.StepFailure;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;

/**
 * MongoDB clients of {@code mongodb} connections, one per connection name. A client keeps its own
 * connection pool and is meant to live long; when a connection's settings or credentials change,
 * its client is replaced and the old one closed.
 *
 * <p>Settings: {@code connectionString} ({@code mongodb://host:port/?options}, without user info)
 * or {@code host} and {@code port} (27017); {@code database} (required); {@code authSource}
 * (admin). Credentials: {@code username}, {@code password} (both optional). Every address the
 * client of a tenant's connection resolves is checked before it connects ({@link
 * GuardedAddressResolver}).
 */
@Singleton
public final class MongoConnections implements AutoCloseable {

  public static final String TYPE = "mongodb";

  private final Map<String, Client> clients = new ConcurrentHashMap<>();
  private final ConnectionSockets sockets;
  private final InetAddressResolver names;

  /** No address checked: for tests and benchmarks apart from a runtime. */
  public MongoConnections() {
    this(ConnectionSockets.unchecked());
  }

  @Inject
  public MongoConnections(ConnectionSockets sockets) {
    this(sockets, GuardedAddressResolver.SYSTEM);
  }

  /** {@code names}: how a host becomes addresses (a test's stands for a DNS server). */
  MongoConnections(ConnectionSockets sockets, InetAddressResolver names) {
    this.sockets = sockets;
    this.names = names;
  }

  /**
   * The database of a connection; its client is opened, and the server pinged, on first use.
   *
   * @throws io.millflow.step.StepFailure {@code CONNECTION_INVALID} for another type or unusable
   *     settings
   * @throws io.millflow.step.ReauthRequiredException when MongoDB rejects the user name or password
   * @throws io.millflow.step.RetryableStepException when MongoDB cannot be reached
   */
  public MongoDatabase database(Connection connection) {
    MongoConnection bound = ConnectionKind.of(MongoConnection.class).bind(connection);
    MongoSettings settings = MongoSettings.of(connection.name(), bound);
    Client client =
        clients.compute(
            connection.name(),
            (name, existing) -> {
              if (existing != null && existing.connection().equals(connection)) {
                return existing;
              }
              if (existing != null) {
                existing.client().close();
              }
              return open(connection, bound, settings);
            });
    return client.client().getDatabase(settings.database());
  }

  @Override
  @PreDestroy
  public void close() {
    clients.values().forEach(client -> client.client().close());
    clients.clear();
  }

  private Client open(Connection connection, MongoConnection bound, MongoSettings settings) {
    Optional<GuardedAddressResolver> guarded =
        GuardedAddressResolver.of(
            sockets.guard(connection.name(), bound), MongoSettings.field(bound), names);
    MongoClient client =
        MongoClients.create(
            GuardedAddressResolver.applied(settings.clientSettings(bound), guarded));
    try {
      // The driver connects lazily; ping now so a wrong password or a dead server fails here, with
      // a clear error.
      client.getDatabase(settings.database()).runCommand(new Document("ping", 1));
      return new Client(connection, client);
    } catch (RuntimeException e) {
      client.close();
      throw guarded
          .flatMap(GuardedAddressResolver::refusal)
          .<RuntimeException>map(
              refused ->
                  new StepFailure(
                      "OUTBOUND_ADDRESS_REFUSED",
                      "Connection '" + connection.name() + "': " + refused,
                      e))
          .orElseGet(() -> MongoErrors.translate(e, connection.name(), "connecting"));
    }
  }

  private record Client(Connection connection, MongoClient client) {}
}
