package io.millflow.connector.plex;

import io.millflow.step.Connection;
import io.millflow.step.StepFailure;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/**
 * What a Plex connection holds, read and checked once. Settings: {@code baseUrl} (required, e.g.
 * {@code https://connect.plex.com}), {@code tenantId} and {@code customerId} (optional: select a tenant other than the
 * key's default), {@code rateLimitPerMinute} (default 200, Plex's limit per key; 0 turns client-side pacing off, for
 * a local sandbox without limit), {@code timeoutSeconds} (per call, default 60). Credential: {@code apiKey}, the Plex
 * Connect consumer key. {@link #toString()} hides the key. The Data Source API's settings: {@link PlexDataSourceSettings}.
 */
public record PlexConnectionSettings(String connectionName, URI baseUrl, String tenantId, String customerId,
    int rateLimitPerMinute, Duration timeout, String apiKey) {

  public static final int DEFAULT_RATE_LIMIT_PER_MINUTE = 200;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  public static PlexConnectionSettings of(Connection connection) {
    return new PlexConnectionSettings(connection.name(), url(connection, "baseUrl", "https://connect.plex.com"),
        connection.optionalSetting("tenantId").orElse(null),
        connection.optionalSetting("customerId").orElse(null),
        wholeNumber(connection, "rateLimitPerMinute", DEFAULT_RATE_LIMIT_PER_MINUTE, 0),
        timeout(connection), connection.credential("apiKey"));
  }

  /** The same connection asking for the key's default tenant: tells a refused tenant from a refused key. */
  PlexConnectionSettings withoutTenant() {
    return new PlexConnectionSettings(connectionName, baseUrl, null, null, rateLimitPerMinute, timeout, apiKey);
  }

  /** The URL of a resource path such as {@code /purchasing/v1/purchase-orders}. */
  URI resolve(String pathAndQuery) {
    return URI.create(baseUrl.toString() + pathAndQuery);
  }

  @Override
  public String toString() {
    return "PlexConnectionSettings[connection=" + connectionName + ", baseUrl=" + baseUrl + ", tenantId=" + tenantId
        + ", customerId=" + customerId + ", rateLimitPerMinute=" + rateLimitPerMinute + ", timeout=" + timeout
        + ", apiKey=(hidden)]";
  }

  /** The connection's {@code timeoutSeconds}, for every call of either Plex API. */
  static Duration timeout(Connection connection) {
    return Duration.ofSeconds(wholeNumber(connection, "timeoutSeconds", (int) DEFAULT_TIMEOUT.toSeconds(), 1));
  }

  /** A required http(s) URL setting without trailing slash; {@code example} shows what one looks like. */
  static URI url(Connection connection, String key, String example) {
    String text = connection.setting(key).strip().replaceAll("/+$", "");
    try {
      URI uri = new URI(text);
      if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())
          || uri.getHost() == null) {
        throw new URISyntaxException(text, "not an http(s) URL with a host");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new StepFailure("CONNECTION_INVALID", "Connection '" + connection.name() + "' has " + key + " '" + text
          + "', which is not a URL such as " + example + ": fix it in the connection's configuration.", e);
    }
  }

  private static int wholeNumber(Connection connection, String key, int fallback, int minimum) {
    String text = connection.optionalSetting(key).orElse(null);
    if (text == null) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text.strip());
      if (value >= minimum) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new StepFailure("CONNECTION_INVALID", "Connection '" + connection.name() + "' has " + key + " '" + text
        + "'; it must be a whole number of at least " + minimum + ".");
  }
}
