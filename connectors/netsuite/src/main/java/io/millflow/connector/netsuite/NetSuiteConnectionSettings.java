package io.millflow.connector.netsuite;

import io.millflow.connector.netsuite.protocol.NetSuiteGuesses;
import io.millflow.step.Connection;
import io.millflow.step.StepFailure;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;

/**
 * What a NetSuite connection holds, read and checked once. Settings: {@code accountId} (required, {@code 1234567} or
 * {@code 1234567_SB1}), {@code baseUrl} (optional: defaults to {@code https://<account>.suitetalk.api.netsuite.com};
 * a sandbox's URL), {@code scope} ({@code rest_webservices}), {@code maxConcurrency} (5 requests in flight per account
 * in this JVM), {@code timeoutSeconds} (60), {@code timeZone} (UTC: the zone SuiteQL datetimes are written in, see
 * {@link NetSuiteGuesses#DATETIME_FORMAT}), {@code suiteQlResultLimit} (100000, NetSuite's ceiling of one query).
 * Credentials: see {@link NetSuiteAuth}.
 */
public record NetSuiteConnectionSettings(String connectionName, String accountId, URI baseUrl, String scope,
    int maxConcurrency, Duration timeout, ZoneId timeZone, int suiteQlResultLimit, NetSuiteAuth auth) {

  public static final String DEFAULT_SCOPE = "rest_webservices";
  public static final int DEFAULT_MAX_CONCURRENCY = 5;
  public static final int RESULT_CEILING = 100_000;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  public static NetSuiteConnectionSettings of(Connection connection) {
    String accountId = connection.setting("accountId").strip();
    return new NetSuiteConnectionSettings(connection.name(), accountId, baseUrl(connection, accountId),
        connection.optionalSetting("scope").orElse(DEFAULT_SCOPE).strip(),
        wholeNumber(connection, "maxConcurrency", DEFAULT_MAX_CONCURRENCY),
        Duration.ofSeconds(wholeNumber(connection, "timeoutSeconds", (int) DEFAULT_TIMEOUT.toSeconds())),
        timeZone(connection),
        wholeNumber(connection, "suiteQlResultLimit", RESULT_CEILING),
        NetSuiteAuth.of(connection));
  }

  /** {@code https://1234567.suitetalk.api.netsuite.com/services/rest/auth/oauth2/v1/token}: also the JWT's audience. */
  public URI tokenUrl() {
    return resolve("/services/rest/auth/oauth2/v1/token");
  }

  /** The URL of a path such as {@code /services/rest/query/v1/suiteql?limit=1000}. */
  public URI resolve(String pathAndQuery) {
    return URI.create(baseUrl.toString() + pathAndQuery);
  }

  /** The key JVM-wide state (tokens, concurrency) is kept under: NetSuite counts both per account. */
  String accountKey() {
    return baseUrl + " " + accountId;
  }

  private static URI baseUrl(Connection connection, String accountId) {
    String text = connection.optionalSetting("baseUrl")
        .orElse("https://" + NetSuiteGuesses.hostLabel(accountId) + ".suitetalk.api.netsuite.com")
        .strip().replaceAll("/+$", "").replaceAll("/services/rest$", "");
    try {
      URI uri = new URI(text);
      if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())
          || uri.getHost() == null) {
        throw new URISyntaxException(text, "not an http(s) URL with a host");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new StepFailure("CONNECTION_INVALID", "Connection '" + connection.name() + "' has baseUrl '" + text
          + "', which is not a URL such as https://1234567.suitetalk.api.netsuite.com: fix it or leave it empty.", e);
    }
  }

  private static ZoneId timeZone(Connection connection) {
    String text = connection.optionalSetting("timeZone").orElse("UTC");
    try {
      return ZoneId.of(text.strip());
    } catch (DateTimeException e) {
      throw new StepFailure("CONNECTION_INVALID", "Connection '" + connection.name() + "' has timeZone '" + text
          + "', which is not a zone id such as UTC or America/Chicago.", e);
    }
  }

  private static int wholeNumber(Connection connection, String key, int fallback) {
    String text = connection.optionalSetting(key).orElse(null);
    if (text == null) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text.strip());
      if (value >= 1) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new StepFailure("CONNECTION_INVALID", "Connection '" + connection.name() + "' has " + key + " '" + text
        + "'; it must be a whole number of at least 1.");
  }
}
