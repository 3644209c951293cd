package io.millflow.step;

import java.time.Duration;
import java.util.Optional;

/**
 * Checks one type of connection with the cheapest call the system offers (Plex: list tenants; a
 * database: open a session and read the current user's privileges on the target). A connector adds
 * a tester by being on the classpath (a CDI bean), like its steps; the tester names the connector's
 * connection record ({@link ConnectionType}), which is how the runtime knows the type, its schema
 * and how to validate it.
 *
 * <p>A tester never throws for a failed check: every failure it can recognise becomes a {@link
 * ConnectionCheck} with a specific {@link ConnectionProblem} and a fix a user can act on. It must
 * never put a credential into the check.
 *
 * @param <C> the connector's connection record
 */
public interface ConnectionTester<C extends Record> {

  /** The connection record this tester checks. */
  Class<C> connectionType();

  /**
   * The connection type this tester checks, as in {@link Connection#type()}: {@code plex}, {@code
   * postgres}, ...
   */
  default String type() {
    return ConnectionKind.of(connectionType()).type();
  }

  /** Checks a connection already bound and validated; {@code name} is for messages. */
  ConnectionCheck check(String name, C connection);

  /**
   * The check of one tenant's connection. A tester whose check depends on the tenant (the file
   * connector: the directories the tenant may use) overrides it; the engine always calls this one.
   */
  default ConnectionCheck check(String tenantId, String name, C connection) {
    return check(name, connection);
  }

  /**
   * Why the tenant may not save (or test) this connection at all, as a sentence naming the field
   * (e.g. {@code Field 'settings.baseDirectory': ...}); empty when nothing forbids it. Only what no
   * answer of the system could make right belongs here; an unreachable system is a failed check,
   * not a refusal.
   */
  default Optional<String> refusal(String tenantId, C connection) {
    return Optional.empty();
  }

  /**
   * Binds the connection and checks it; one that does not bind is an {@code INCOMPLETE} check
   * naming the field.
   */
  default ConnectionCheck test(Connection connection) {
    return test(null, connection);
  }

  /** {@link #test(Connection)} for a tenant: binds, then {@link #check(String, String, Record)}. */
  default ConnectionCheck test(String tenantId, Connection connection) {
    long started = System.nanoTime();
    C bound;
    try {
      bound = ConnectionKind.of(connectionType()).validate(connection);
    } catch (InvalidConnectionException e) {
      return ConnectionCheck.failed(
          ConnectionProblem.INCOMPLETE,
          e.getMessage(),
          "Complete or correct the fields"
              + " the message names in the connection, then test again.",
          Duration.ofNanos(System.nanoTime() - started));
    }
    return tenantId == null
        ? check(connection.name(), bound)
        : check(tenantId, connection.name(), bound);
  }

  /**
   * {@link #refusal(String, Record)} of a connection that binds; one that does not is no refusal
   * (its test says).
   */
  default Optional<String> refusal(String tenantId, Connection connection) {
    try {
      return refusal(tenantId, ConnectionKind.of(connectionType()).validate(connection));
    } catch (InvalidConnectionException e) {
      return Optional.empty();
    }
  }
}
