package io.millflow.connector.plex;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.plex.protocol.PlexGuesses;
import io.millflow.step.ConnectionCheck;
import io.millflow.step.ConnectionProblem;
import io.millflow.step.ConnectionTester;
import io.millflow.step.ReauthRequiredException;
import io.millflow.step.RetryableStepException;
import io.millflow.step.StepException;
import io.millflow.step.StepFailure;
import io.millflow.step.http.CallDeadline;
import io.millflow.step.http.ObservedHttpClient;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * Tests a {@code plex} connection with the cheapest call, {@code GET /mdm/v1/tenants}, and, when
 * the connection has a {@code dataSourceBaseUrl}, the Data Source API's account. Each failure
 * becomes a specific problem: a 401 is a wrong key, unless the same key works without the
 * connection's tenant header, which means the tenant is refused; 403 no permission; 404 or an
 * answer that is not Plex's a wrong URL; no answer unreachable or a timeout; 429 and 5xx
 * unavailable. Calls wait at most 10 s, so a silent host is reported quickly.
 */
@Singleton
public final class PlexConnectionTester implements ConnectionTester<PlexConnection> {

  private static final Duration LONGEST_WAIT = Duration.ofSeconds(10);

  private final HttpClient http;
  private final HttpPlexDataSources dataSources;

  @Inject
  public PlexConnectionTester(HttpPlexDataSources dataSources) {
    this(
        ObservedHttpClient.of(
            HttpClient.newBuilder().connectTimeout(LONGEST_WAIT).build(),
            HttpClient.Redirect.NORMAL),
        dataSources);
  }

  public PlexConnectionTester() {
    this(new HttpPlexDataSources());
  }

  PlexConnectionTester(HttpClient http, HttpPlexDataSources dataSources) {
    this.http = http;
    this.dataSources = dataSources;
  }

  @Override
  public Class<PlexConnection> connectionType() {
    return PlexConnection.class;
  }

  @Override
  public ConnectionCheck check(String name, PlexConnection connection) {
    long start = System.nanoTime();
    PlexConnectionSettings settings;
    Optional<PlexDataSourceSettings> dataSourceSettings;
    try {
      settings = shortened(PlexConnectionSettings.of(name, connection));
      dataSourceSettings = PlexDataSourceSettings.ifConfigured(name, connection);
    } catch (StepException e) {
      return ConnectionCheck.failed(
          ConnectionProblem.INCOMPLETE,
          e.getMessage(),
          "Complete the connection's credentials (apiKey; username and password with a dataSourceBaseUrl) as the"
              + " message says, then test again.",
          since(start));
    }
    Map<String, String> details = new LinkedHashMap<>();
    Optional<Failure> failure =
        tenants(settings, details)
            .or(() -> dataSourceSettings.flatMap(ds -> dataSourceAccount(ds, details)));
    return failure
        .map(f -> ConnectionCheck.failed(f.problem(), f.message(), f.fix(), since(start)))
        .orElseGet(() -> ConnectionCheck.passed(since(start), details));
  }

  private record Failure(ConnectionProblem problem, String message, String fix) {}

  private Optional<Failure> tenants(PlexConnectionSettings settings, Map<String, String> details) {
    PlexCall call = PlexCall.get(settings, HttpPlexClient.TENANTS);
    HttpResponse<byte[]> response;
    try {
      response =
          CallDeadline.send(
              http,
              HttpPlexClient.request(settings, call, HttpPlexClient.TENANTS),
              HttpResponse.BodyHandlers.ofByteArray(),
              settings.timeout());
    } catch (IOException e) {
      return Optional.of(
          noAnswer(
              e, "Plex Connect at " + settings.baseUrl(), call, settings.timeout(), "baseUrl"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of(
          new Failure(ConnectionProblem.TIMEOUT, "The test was interrupted.", "Test again."));
    }
    int status = response.statusCode();
    String seen = " (" + status + ", " + call.describe() + ")";
    return switch (status) {
      case 200 -> tenantsAnswer(response.body(), call, details);
      case 401 -> Optional.of(refused(settings, seen));
      case 403 ->
          Optional.of(
              new Failure(
                  ConnectionProblem.NO_PERMISSION,
                  "Plex accepted the key but refused it the" + " tenants resource" + seen + ".",
                  "Give the Plex Connect app of this key access to the APIs Millflow"
                      + " uses (purchasing, mdm, inventory, scheduling, maintenance) in Plex's developer portal."));
      case 429 -> Optional.of(unavailable("Plex is limiting this key's calls" + seen));
      default ->
          Optional.of(
              status >= 500
                  ? unavailable("Plex answered " + status + seen)
                  : wrongUrl(
                      "Plex Connect answered " + status + " at " + settings.baseUrl() + seen,
                      "baseUrl",
                      "https://connect.plex.com"));
    };
  }

  private Optional<Failure> tenantsAnswer(byte[] body, PlexCall call, Map<String, String> details) {
    JsonNode tenants;
    try {
      tenants = PlexHttp.json(call, body, "https://connect.plex.com", "baseUrl");
    } catch (StepFailure e) {
      tenants = null;
    }
    if (tenants == null || !tenants.isArray()) {
      return Optional.of(
          wrongUrl(
              "The server at the baseUrl answered "
                  + call.describe()
                  + ", but not with Plex's list of tenants.",
              "baseUrl",
              "https://connect.plex.com"));
    }
    details.put("tenants", String.valueOf(tenants.size()));
    if (!tenants.isEmpty()) {
      details.put("tenant", tenants.get(0).path("name").asText(tenants.get(0).path("id").asText()));
    }
    return Optional.empty();
  }

  /**
   * A 401: the key, or only the tenant the connection names? Asking once without the tenant header
   * tells.
   */
  private Failure refused(PlexConnectionSettings settings, String seen) {
    boolean namesTenant = settings.tenantId() != null || settings.customerId() != null;
    if (namesTenant && tenants(settings.withoutTenant(), new LinkedHashMap<>()).isEmpty()) {
      String setting =
          settings.tenantId() != null
              ? "tenantId '" + settings.tenantId() + "'"
              : "customerId '" + settings.customerId() + "'";
      return new Failure(
          ConnectionProblem.NO_PERMISSION,
          "Plex accepted the key for its own tenant but refused"
              + " the connection's "
              + setting
              + seen
              + ".",
          "Correct the connection's "
              + setting.split(" ")[0]
              + " setting, or give this key access to that tenant in Plex (or clear the setting to use the key's own"
              + " tenant).");
    }
    return new Failure(
        ConnectionProblem.AUTH_FAILED,
        "Plex rejected the API key" + seen + ": wrong key.",
        "Enter the Plex Connect consumer key of your app (a UUID) as the connection's apiKey credential.");
  }

  private Optional<Failure> dataSourceAccount(
      PlexDataSourceSettings settings, Map<String, String> details) {
    try {
      dataSources.describe(settings, PlexGuesses.DATA_SOURCE_PROBE_ID);
    } catch (ReauthRequiredException e) {
      return Optional.of(
          new Failure(
              ConnectionProblem.AUTH_FAILED,
              e.getMessage(),
              "Enter the username and"
                  + " password of the Plex web-service account as the connection's credentials."));
    } catch (RetryableStepException e) {
      return Optional.of(
          e.getCause() instanceof IOException io
              ? noAnswer(
                  io,
                  "Plex's Data Source API at " + settings.baseUrl(),
                  null,
                  settings.timeout(),
                  PlexDataSourceSettings.BASE_URL)
              : unavailable(e.getMessage()));
    } catch (StepFailure e) {
      if (!e.code().equals("DATA_SOURCE_NOT_FOUND") && !e.code().equals("NO_PERMISSION")) {
        return Optional.of(
            wrongUrl(e.getMessage(), PlexDataSourceSettings.BASE_URL, "https://cloud.plex.com"));
      }
    }
    details.put("dataSourceAccount", settings.username());
    return Optional.empty();
  }

  private static Failure noAnswer(
      IOException e, String what, PlexCall call, Duration timeout, String urlSetting) {
    String during = call == null ? "" : " for " + call.describe();
    if (e instanceof HttpTimeoutException && !(e instanceof HttpConnectTimeoutException)) {
      return new Failure(
          ConnectionProblem.TIMEOUT,
          what + " did not answer within " + timeout.toSeconds() + " s" + during + ".",
          "Check that Plex is up (status.plex.com), or raise the connection's timeoutSeconds.");
    }
    if (e instanceof SSLException) {
      return new Failure(
          ConnectionProblem.TLS_ERROR,
          "The TLS handshake with " + what + " failed" + during + ": " + e.getMessage(),
          "Check the " + urlSetting + " (https, the right host) and this machine's trust store.");
    }
    if (e instanceof java.net.ProtocolException) {
      // Its message quotes what the server sent: never echo a stranger's bytes (a port scanner's
      // oracle).
      return new Failure(
          ConnectionProblem.WRONG_URL,
          "The server at "
              + what.replaceFirst("^Plex Connect at ", "")
              + " did not answer like a Plex API"
              + during
              + ".",
          "Set the connection's " + urlSetting + " to Plex's" + " address.");
    }
    return new Failure(
        ConnectionProblem.UNREACHABLE,
        "Cannot reach "
            + what
            + during
            + ": "
            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
        "Check the host in the connection's "
            + urlSetting
            + ", DNS, and that a firewall lets this machine reach it.");
  }

  private static Failure wrongUrl(String message, String urlSetting, String example) {
    return new Failure(
        ConnectionProblem.WRONG_URL,
        message,
        "Set the connection's "
            + urlSetting
            + " to Plex's"
            + " address, such as "
            + example
            + " (or its test.* host for a test tenant).");
  }

  private static Failure unavailable(String message) {
    return new Failure(
        ConnectionProblem.UNAVAILABLE,
        message + ".",
        "Plex is failing or limiting calls right now:" + " test again in a minute.");
  }

  private static PlexConnectionSettings shortened(PlexConnectionSettings settings) {
    Duration timeout =
        settings.timeout().compareTo(LONGEST_WAIT) < 0 ? settings.timeout() : LONGEST_WAIT;
    return new PlexConnectionSettings(
        settings.connectionName(),
        settings.baseUrl(),
        settings.tenantId(),
        settings.customerId(),
        settings.rateLimitPerMinute(),
        timeout,
        settings.apiKey());
  }

  private static Duration since(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
