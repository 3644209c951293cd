package io.millflow.step;

/**
 * Checks one type of connection with the cheapest call the system offers (Plex: list tenants; a database: open a
 * session and read the current user's privileges on the target). A connector adds a tester by being on the classpath
 * (a CDI bean), like its steps.
 *
 * <p>A tester never throws for a failed check: every failure it can recognise becomes a {@link ConnectionCheck} with a
 * specific {@link ConnectionProblem} and a fix a user can act on. It must never put a credential into the check.
 */
public interface ConnectionTester {

  /** The connection type this tester checks, as in {@link Connection#type()}: {@code plex}, {@code postgres}, ... */
  String type();

  ConnectionCheck test(Connection connection);

  /**
   * The check of one tenant's connection. A tester whose check depends on the tenant (the file connector: the
   * directories the tenant may use) overrides it; the engine always calls this one.
   */
  default ConnectionCheck test(String tenantId, Connection connection) {
    return test(connection);
  }

  /**
   * Why the tenant may not save (or test) this connection at all, as a sentence naming the field (e.g. {@code Field
   * 'settings.baseDirectory': ...}); empty when nothing forbids it. Only what no answer of the system could make
   * right belongs here; an unreachable system is a failed check, not a refusal.
   */
  default java.util.Optional<String> refusal(String tenantId, Connection connection) {
    return java.util.Optional.empty();
  }
}
