package io.millflow.connector.plex;

import io.millflow.step.Connection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * What a Plex connection holds for the legacy Data Source API: setting {@code dataSourceBaseUrl} (e.g.
 * {@code https://cloud.plex.com}, {@code https://test.cloud.plex.com}), credentials {@code username} and
 * {@code password} of a Plex web-service account, and the connection's {@code timeoutSeconds}. The Connect API key is
 * not needed here. {@link #toString()} hides the password.
 */
record PlexDataSourceSettings(String connectionName, URI baseUrl, String username, String password,
    Duration timeout) {

  static final String BASE_URL = "dataSourceBaseUrl";

  /** The settings when the connection has a {@code dataSourceBaseUrl}; empty when it does not use the API. */
  static Optional<PlexDataSourceSettings> ifConfigured(Connection connection) {
    return connection.optionalSetting(BASE_URL).map(url -> of(connection));
  }

  /**
   * @throws io.millflow.step.StepFailure {@code CONNECTION_INCOMPLETE} without {@code dataSourceBaseUrl}
   * @throws io.millflow.step.ReauthRequiredException without {@code username} or {@code password}
   */
  static PlexDataSourceSettings of(Connection connection) {
    return new PlexDataSourceSettings(connection.name(),
        PlexConnectionSettings.url(connection, BASE_URL, "https://cloud.plex.com"),
        connection.credential("username"), connection.credential("password"),
        PlexConnectionSettings.timeout(connection));
  }

  String authorization() {
    return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "PlexDataSourceSettings[connection=" + connectionName + ", baseUrl=" + baseUrl + ", username=" + username
        + ", password=(hidden), timeout=" + timeout + "]";
  }
}
