package io.millflow.connector.plex;

import io.millflow.step.ReauthRequiredException;
import io.millflow.step.StepFailure;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * How a client calls the legacy Data Source API for one connection: the {@link PlexConnection}'s
 * {@code dataSourceBaseUrl}, {@code username} and {@code password} and its timeout. The Connect API
 * key is not needed here. {@link #toString()} hides the password.
 */
record PlexDataSourceSettings(
    String connectionName, URI baseUrl, String username, String password, Duration timeout) {

  static final String BASE_URL = "dataSourceBaseUrl";

  /**
   * The settings when the connection has a {@code dataSourceBaseUrl}; empty when it does not use
   * the API.
   */
  static Optional<PlexDataSourceSettings> ifConfigured(String name, PlexConnection connection) {
    return Optional.ofNullable(connection.dataSourceBaseUrl()).map(url -> of(name, connection));
  }

  /**
   * @throws StepFailure {@code CONNECTION_INCOMPLETE} without {@code dataSourceBaseUrl}
   * @throws ReauthRequiredException without {@code username} or {@code password}
   */
  static PlexDataSourceSettings of(String name, PlexConnection connection) {
    if (connection.dataSourceBaseUrl() == null) {
      throw new StepFailure(
          "CONNECTION_INCOMPLETE",
          "Connection '"
              + name
              + "' has no setting '"
              + BASE_URL
              + "': add the Data Source API's address (such as https://cloud.plex.com) to the connection.");
    }
    if (blank(connection.username()) || blank(connection.password())) {
      throw new ReauthRequiredException(
          name,
          "Connection '"
              + name
              + "' has no "
              + (blank(connection.username()) ? "credential 'username'" : "credential 'password'")
              + " of a Plex web-service account: enter it in the"
              + " connection's settings.");
    }
    return new PlexDataSourceSettings(
        name,
        connection.dataSourceBaseUrl(),
        connection.username(),
        connection.password(),
        Duration.ofSeconds(connection.timeoutSeconds()));
  }

  String authorization() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "PlexDataSourceSettings[connection="
        + connectionName
        + ", baseUrl="
        + baseUrl
        + ", username="
        + username
        + ", password=(hidden), timeout="
        + timeout
        + "]";
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
