package io.millflow.connector.idhammar;

import io.millflow.step.Connection;
import io.millflow.step.StepFailure;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/**
 * What an Idhammar connection holds, read and checked once. Settings: {@code baseUrl} (required: the server, without
 * {@code /api/v1}), {@code siteId} (optional: read only this site's machines, events and periods),
 * {@code rateLimitPerMinute} (default 600, the API's limit per token; 0 turns client-side pacing off),
 * {@code timeoutSeconds} (per call, default 60). Credential: {@code apiToken}, sent as a bearer token.
 * {@link #toString()} hides the token.
 */
public record IdhammarConnectionSettings(String connectionName, URI baseUrl, String siteId, int rateLimitPerMinute,
    Duration timeout, String apiToken) {

  public static final int DEFAULT_RATE_LIMIT_PER_MINUTE = 600;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  public static IdhammarConnectionSettings of(Connection connection) {
    return new IdhammarConnectionSettings(connection.name(), baseUrl(connection),
        connection.optionalSetting("siteId").map(String::strip).orElse(null),
        wholeNumber(connection, "rateLimitPerMinute", DEFAULT_RATE_LIMIT_PER_MINUTE, 0),
        Duration.ofSeconds(wholeNumber(connection, "timeoutSeconds", (int) DEFAULT_TIMEOUT.toSeconds(), 1)),
        connection.credential("apiToken"));
  }

  /** The URL of an API path such as {@code /api/v1/sites?limit=1}. */
  URI resolve(String pathAndQuery) {
    return URI.create(baseUrl + pathAndQuery);
  }

  @Override
  public String toString() {
    return "IdhammarConnectionSettings[connection=" + connectionName + ", baseUrl=" + baseUrl + ", siteId=" + siteId
        + ", rateLimitPerMinute=" + rateLimitPerMinute + ", timeout=" + timeout + ", apiToken=(hidden)]";
  }

  private static URI baseUrl(Connection connection) {
    String text = connection.setting("baseUrl").strip().replaceAll("/+$", "");
    try {
      URI uri = new URI(text);
      boolean http = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
      if (!http || uri.getHost() == null) {
        throw new URISyntaxException(text, "not an http(s) URL with a host");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new StepFailure("CONNECTION_INVALID", "Connection '" + connection.name() + "' has baseUrl '" + text
          + "', which is not a URL such as https://oee.example.com: fix it in the connection's configuration.", e);
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
