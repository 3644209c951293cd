package io.millflow.connector.plex;

import io.millflow.step.Connection;
import io.millflow.step.ConnectionKind;
import io.millflow.step.ReauthRequiredException;
import java.net.URI;
import java.time.Duration;

/**
 * How a client calls Plex Connect for one connection: its name (for messages and the rate limiter),
 * the values of its {@link PlexConnection}, and the timeout of a call (the tester waits less).
 * {@link #toString()} hides the key. The Data Source API's: {@link PlexDataSourceSettings}.
 */
public record PlexConnectionSettings(
    String connectionName,
    URI baseUrl,
    String tenantId,
    String customerId,
    int rateLimitPerMinute,
    Duration timeout,
    String apiKey) {

  /**
   * @throws ReauthRequiredException when the connection has no {@code apiKey}
   */
  public static PlexConnectionSettings of(String name, PlexConnection connection) {
    if (connection.apiKey() == null || connection.apiKey().isBlank()) {
      throw new ReauthRequiredException(
          name,
          "Connection '"
              + name
              + "' has no credential 'apiKey': enter the"
              + " Plex Connect consumer key in the connection's settings.");
    }
    return new PlexConnectionSettings(
        name,
        connection.baseUrl(),
        connection.tenantId(),
        connection.customerId(),
        connection.rateLimitPerMinute(),
        Duration.ofSeconds(connection.timeoutSeconds()),
        connection.apiKey());
  }

  /**
   * Binds a stored connection first.
   *
   * @throws io.millflow.step.StepFailure for a connection of another type or a bad setting, naming
   *     the field
   * @throws io.millflow.step.ReauthRequiredException when the connection has no {@code apiKey}
   */
  public static PlexConnectionSettings of(Connection connection) {
    return of(connection.name(), ConnectionKind.of(PlexConnection.class).bind(connection));
  }

  /**
   * The same connection asking for the key's default tenant: tells a refused tenant from a refused
   * key.
   */
  PlexConnectionSettings withoutTenant() {
    return new PlexConnectionSettings(
        connectionName, baseUrl, null, null, rateLimitPerMinute, timeout, apiKey);
  }

  /** The URL of a resource path such as {@code /purchasing/v1/purchase-orders}. */
  URI resolve(String pathAndQuery) {
    return URI.create(baseUrl.toString() + pathAndQuery);
  }

  @Override
  public String toString() {
    return "PlexConnectionSettings[connection="
        + connectionName
        + ", baseUrl="
        + baseUrl
        + ", tenantId="
        + tenantId
        + ", customerId="
        + customerId
        + ", rateLimitPerMinute="
        + rateLimitPerMinute
        + ", timeout="
        + timeout
        + ", apiKey=(hidden)]";
  }
}
