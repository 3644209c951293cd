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
}
