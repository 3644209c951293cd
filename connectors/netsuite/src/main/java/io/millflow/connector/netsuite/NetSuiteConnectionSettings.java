package io.millflow.connector.netsuite;

import io.millflow.connector.netsuite.protocol.NetSuiteGuesses;
import io.millflow.step.Connection;
import io.millflow.step.ConnectionKind;
import io.millflow.step.ReauthRequiredException;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;

/**
 * How a client calls NetSuite for one connection: its name (for messages), the values of its {@link
 * NetSuiteConnection} in the shapes calls use (the base URL filled in from the account id when
 * empty), and how it signs in ({@link NetSuiteAuth}). See {@link NetSuiteGuesses#DATETIME_FORMAT}
 * for the time zone.
 */
public record NetSuiteConnectionSettings(
    String connectionName,
    String accountId,
    URI baseUrl,
    String scope,
    int maxConcurrency,
    Duration timeout,
    ZoneId timeZone,
    int suiteQlResultLimit,
    NetSuiteAuth auth) {

  public static final int RESULT_CEILING = 100_000;

  /**
   * @throws ReauthRequiredException when the private key is not a PEM an RSA key can be read from
   */
  public static NetSuiteConnectionSettings of(String name, NetSuiteConnection connection) {
    String accountId = connection.accountId();
    return new NetSuiteConnectionSettings(
        name,
        accountId,
        baseUrl(connection),
        connection.scope(),
        connection.maxConcurrency(),
        Duration.ofSeconds(connection.timeoutSeconds()),
        connection.timeZone(),
        connection.suiteQlResultLimit(),
        NetSuiteAuth.of(name, connection));
  }

  /**
   * Binds a stored connection first.
   *
   * @throws io.millflow.step.StepFailure for a connection of another type or a bad setting, naming
   *     the field
   * @throws ReauthRequiredException when its credentials are missing or its private key is
   *     unreadable
   */
  public static NetSuiteConnectionSettings of(Connection connection) {
    return of(connection.name(), ConnectionKind.of(NetSuiteConnection.class).bind(connection));
  }

  /**
   * {@code https://1234567.suitetalk.api.netsuite.com/services/rest/auth/oauth2/v1/token}: also the
   * JWT's audience.
   */
  public URI tokenUrl() {
    return resolve("/services/rest/auth/oauth2/v1/token");
  }

  /** The URL of a path such as {@code /services/rest/query/v1/suiteql?limit=1000}. */
  public URI resolve(String pathAndQuery) {
    return URI.create(baseUrl.toString() + pathAndQuery);
  }

  /**
   * The key JVM-wide state (tokens, concurrency) is kept under: NetSuite counts both per account.
   */
  String accountKey() {
    return baseUrl + " " + accountId;
  }

  private static URI baseUrl(NetSuiteConnection connection) {
    URI given =
        connection.baseUrl() != null
            ? connection.baseUrl()
            : URI.create(
                "https://"
                    + NetSuiteGuesses.hostLabel(connection.accountId())
                    + ".suitetalk.api.netsuite.com");
    return URI.create(given.toString().replaceAll("/+$", "").replaceAll("/services/rest$", ""));
  }
}
