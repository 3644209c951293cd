package io.millflow.connector.idhammar;

import io.millflow.step.Connection;
import io.millflow.step.ConnectionKind;
import java.net.URI;
import java.time.Duration;

/**
 * How a client calls Idhammar for one connection: its name (for messages and pacing) and the values
 * of its {@link IdhammarConnection} in the shapes calls use. {@link #toString()} hides the token.
 */
public record IdhammarConnectionSettings(
    String connectionName,
    URI baseUrl,
    String siteId,
    int rateLimitPerMinute,
    Duration timeout,
    String apiToken) {

  public static IdhammarConnectionSettings of(String name, IdhammarConnection connection) {
    return new IdhammarConnectionSettings(
        name,
        connection.baseUrl(),
        connection.siteId(),
        connection.rateLimitPerMinute(),
        Duration.ofSeconds(connection.timeoutSeconds()),
        connection.apiToken());
  }

  /**
   * Binds a stored connection first.
   *
   * @throws io.millflow.step.StepFailure for a connection of another type or a bad setting, naming
   *     the field
   * @throws io.millflow.step.ReauthRequiredException when the connection has no {@code apiToken}
   */
  public static IdhammarConnectionSettings of(Connection connection) {
    return of(connection.name(), ConnectionKind.of(IdhammarConnection.class).bind(connection));
  }

  /** The URL of an API path such as {@code /api/v1/sites?limit=1}. */
  URI resolve(String pathAndQuery) {
    return URI.create(baseUrl + pathAndQuery);
  }

  @Override
  public String toString() {
    return "IdhammarConnectionSettings[connection="
        + connectionName
        + ", baseUrl="
        + baseUrl
        + ", siteId="
        + siteId
        + ", rateLimitPerMinute="
        + rateLimitPerMinute
        + ", timeout="
        + timeout
        + ", apiToken=(hidden)]";
  }
}
