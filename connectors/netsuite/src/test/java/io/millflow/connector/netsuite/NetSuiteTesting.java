package io.millflow.connector.netsuite;

import io.millflow.step.Connection;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Clients and connections for tests: each test gets its own token cache, so no token leaks between
 * tests.
 */
final class NetSuiteTesting {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private NetSuiteTesting() {}

  static HttpNetSuiteClientFactory clients(Clock clock) {
    return new HttpNetSuiteClientFactory(
        HTTP, new AccessTokens(clock), new AccountConcurrency(), clock);
  }

  static HttpNetSuiteClientFactory clients() {
    return clients(Clock.systemUTC());
  }

  static HttpNetSuiteClient client(Connection connection) {
    return clients().forSettings(NetSuiteConnectionSettings.of(connection));
  }

  /** {@code connection} with some settings added or replaced. */
  static Connection with(
      Connection connection, Map<String, String> settings, Map<String, String> credentials) {
    Map<String, String> allSettings = new HashMap<>(connection.settings());
    allSettings.putAll(settings);
    Map<String, String> allCredentials = new HashMap<>(connection.credentials());
    allCredentials.putAll(credentials);
    return new Connection(connection.name(), connection.type(), allSettings, allCredentials);
  }
}
