package io.millflow.engine.connection;

import io.millflow.engine.net.OutboundAddresses;
import io.millflow.step.Connection;
import io.millflow.step.ConnectionCheck;
import io.millflow.step.ConnectionKind;
import io.millflow.step.ConnectionProblem;
import io.millflow.step.ConnectionTester;
import io.millflow.step.InvalidConnectionException;
import io.millflow.step.template.ConnectionSchema;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * The connection types the installed connectors declare, each with its tester (Plex: list tenants,
 * a database: log in) and its record ({@link io.millflow.step.ConnectionType}): what a connection
 * of the type must hold, checked at save and test, and described by {@link #schemas()}.
 */
@Singleton
public class ConnectionTests {

  private static final Logger LOG = Logger.getLogger(ConnectionTests.class);

  private final Map<String, ConnectionTester<?>> testersByType;
  private final OutboundAddresses addresses;
  private final ConnectionRegistry registry;

  @Inject
  public ConnectionTests(
      @Any Instance<ConnectionTester<?>> testers,
      OutboundAddresses addresses,
      ConnectionRegistry registry) {
    this(testers.stream().toList(), addresses, registry);
  }

  public ConnectionTests(
      Collection<? extends ConnectionTester<?>> testers,
      OutboundAddresses addresses,
      ConnectionRegistry registry) {
    this.addresses = addresses;
    this.registry = registry;
    Map<String, ConnectionTester<?>> byType = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (ConnectionTester<?> tester : testers) {
      ConnectionTester<?> clash = byType.put(tester.type(), tester);
      if (clash != null) {
        throw new IllegalStateException(
            "Two testers for connection type '"
                + tester.type()
                + "': "
                + clash.getClass().getName()
                + " and "
                + tester.getClass().getName());
      }
    }
    this.testersByType = Map.copyOf(byType);
  }

  /**
   * The connection types an installed connector can test, which are the types a connection may
   * have.
   */
  public java.util.Set<String> types() {
    return new java.util.TreeSet<>(testersByType.keySet());
  }

  public boolean canTest(String type) {
    return tester(type).isPresent();
  }

  /**
   * What each type's connection holds, from its record, ordered by type: the API's and the UI's
   * form schema.
   */
  public java.util.List<ConnectionSchema> schemas() {
    return testersByType.values().stream()
        .map(tester -> ConnectionSchema.of(ConnectionKind.of(tester.connectionType())))
        .sorted(java.util.Comparator.comparing(ConnectionSchema::type))
        .toList();
  }

  /**
   * Checks that the connection binds to its type's record: each missing or malformed setting or
   * credential named.
   *
   * @throws InvalidConnectionException naming the fields
   * @throws IllegalArgumentException for a type no installed connector declares
   */
  public void validate(Connection connection) {
    kind(connection.type()).validate(connection);
  }

  /** Whether a setting of that name is a secret of the type's record (then it is never shown). */
  public boolean isSecret(String type, String name) {
    return tester(type)
        .map(tester -> ConnectionKind.of(tester.connectionType()).isSecret(name))
        .orElse(false);
  }

  /**
   * Runs the type's check. A tester that throws has a bug: the stack trace goes to the log (never
   * to the caller, it may hold connection details) and the answer says the check could not run.
   */
  public ConnectionCheck test(String tenantId, Connection connection) {
    ConnectionTester<?> tester =
        tester(connection.type())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "Connection '"
                            + connection.name()
                            + "' has type '"
                            + connection.type()
                            + "', which no installed connector"
                            + " can test. Types that can be tested: "
                            + testersByType.keySet()
                            + "."));
    Optional<String> refused =
        trusted(tenantId, connection) ? Optional.empty() : addresses.refusal(connection);
    if (refused.isPresent()) {
      return ConnectionCheck.failed(
          ConnectionProblem.WRONG_URL,
          refused.get(),
          "Correct the setting; nothing was" + " called.",
          Duration.ZERO);
    }
    long started = System.nanoTime();
    try {
      return tester.test(tenantId, connection);
    } catch (RuntimeException e) {
      LOG.errorf(
          e, "The %s tester failed on connection '%s'", connection.type(), connection.name());
      return ConnectionCheck.failed(
          ConnectionProblem.UNAVAILABLE,
          "The "
              + connection.type()
              + " check itself failed ("
              + e.getClass().getSimpleName()
              + "); the runtime's log has the details.",
          "Report this to Millflow's maintainers; meanwhile run a flow that uses the connection to see its error.",
          Duration.ofNanos(System.nanoTime() - started));
    }
  }

  /**
   * Why the tenant may not save or test this connection (a sentence naming the field): as its
   * type's tester says (a file connection's base directory outside the tenant's roots), or a server
   * the outbound policy refuses.
   */
  public Optional<String> refusal(String tenantId, Connection connection) {
    return tester(connection.type())
        .flatMap(tester -> tester.refusal(tenantId, connection))
        .or(() -> addresses.refusal(connection));
  }

  /**
   * A connection the installation provides or configures, unchanged, is the admin's: its addresses
   * are not checked (the sandboxes' warehouse lives in the state store's server).
   */
  private boolean trusted(String tenantId, Connection connection) {
    Optional<ConnectionRegistry.Origin> origin = registry.origin(tenantId, connection.name());
    return origin.isPresent()
        && origin.get() != ConnectionRegistry.Origin.API
        && registry.resolve(tenantId, connection.name()).equals(connection);
  }

  private Optional<ConnectionTester<?>> tester(String type) {
    return Optional.ofNullable(type).map(testersByType::get);
  }

  private ConnectionKind<?> kind(String type) {
    return tester(type)
        .map(tester -> ConnectionKind.of(tester.connectionType()))
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "No installed connector declares connections of type '" + type + "'."));
  }
}
