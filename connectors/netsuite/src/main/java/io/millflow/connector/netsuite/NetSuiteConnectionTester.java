package io.millflow.connector.netsuite;

import io.millflow.connector.netsuite.protocol.NetSuiteGuesses;
import io.millflow.step.ConnectionCheck;
import io.millflow.step.ConnectionProblem;
import io.millflow.step.ConnectionTester;
import io.millflow.step.ReauthRequiredException;
import io.millflow.step.RetryableStepException;
import io.millflow.step.StepException;
import io.millflow.step.StepFailure;
import io.millflow.step.http.ObservedHttpClient;
import jakarta.inject.Singleton;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLException;

/**
 * Tests a NetSuite connection with the cheapest real call: a fresh access token (M2M) or a signed
 * request (TBA), then a one-row SuiteQL query on purchase orders, which proves the role may read
 * them. A refusal becomes a specific problem: a wrong certificate id, a key that does not match the
 * certificate, a clock off by minutes, a missing permission, a wrong account or URL. Never a
 * credential in the answer.
 */
@Singleton
public final class NetSuiteConnectionTester implements ConnectionTester<NetSuiteConnection> {

  static final String PROBE =
      "SELECT id FROM transaction WHERE type = '" + NetSuiteGuesses.PURCHASE_ORDER_TYPE + "'";

  private final HttpClient http;
  private final Clock clock;

  public NetSuiteConnectionTester() {
    this(
        ObservedHttpClient.of(
            HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1)
                .build()),
        Clock.systemUTC());
  }

  NetSuiteConnectionTester(HttpClient http, Clock clock) {
    this.http = http;
    this.clock = clock;
  }

  @Override
  public Class<NetSuiteConnection> connectionType() {
    return NetSuiteConnection.class;
  }

  @Override
  public ConnectionCheck check(String name, NetSuiteConnection connection) {
    long started = System.nanoTime();
    NetSuiteConnectionSettings settings;
    try {
      settings = NetSuiteConnectionSettings.of(name, connection);
    } catch (StepFailure | ReauthRequiredException e) {
      return failed(
          ConnectionProblem.INCOMPLETE,
          e.getMessage(),
          "Complete the connection's settings and" + " credentials as the message says.",
          started);
    }
    // A token cache of its own: the check must prove the credentials as they are now, not a token
    // fetched earlier.
    NetSuiteClient client =
        new HttpNetSuiteClientFactory(
                http, new AccessTokens(clock), AccountConcurrency.shared(), clock)
            .forSettings(settings);
    try {
      client.suiteQl(PROBE, 1, 0);
    } catch (StepException e) {
      return diagnose(e, settings, started);
    }
    return ConnectionCheck.passed(
        took(started),
        Map.of(
            "accountId",
            settings.accountId(),
            "baseUrl",
            settings.baseUrl().toString(),
            "auth",
            settings.auth() instanceof NetSuiteAuth.M2m ? "OAuth 2.0 M2M" : "token-based auth"));
  }

  private ConnectionCheck diagnose(
      StepException e, NetSuiteConnectionSettings settings, long started) {
    if (e.getCause() instanceof NetSuiteAnswer answer) {
      return answered(answer, e.getMessage(), settings, started);
    }
    Throwable cause = e.getCause();
    if (cause instanceof java.net.ProtocolException) {
      // Its message quotes what the server sent: never echo a stranger's bytes (a port scanner's
      // oracle).
      return failed(
          ConnectionProblem.WRONG_URL,
          "The server at " + settings.baseUrl() + " did not answer like a" + " NetSuite API.",
          "Check the accountId and baseUrl.",
          started);
    }
    if (cause instanceof HttpTimeoutException) {
      return failed(
          ConnectionProblem.TIMEOUT,
          e.getMessage(),
          "NetSuite did not answer in time; try again, or raise" + " timeoutSeconds.",
          started);
    }
    if (cause instanceof SSLException) {
      return failed(
          ConnectionProblem.TLS_ERROR,
          e.getMessage(),
          "The TLS handshake with "
              + settings.baseUrl()
              + " failed: check the URL and this machine's trusted certificates.",
          started);
    }
    if (cause instanceof ConnectException
        || cause instanceof UnknownHostException
        || cause != null && cause.getCause() instanceof UnresolvedAddressException) {
      return failed(
          ConnectionProblem.UNREACHABLE,
          e.getMessage(),
          "Check the accountId (it names the host "
              + settings.baseUrl().getHost()
              + ") or baseUrl, and that this machine reaches it.",
          started);
    }
    if (e instanceof StepFailure) {
      return failed(
          ConnectionProblem.WRONG_URL,
          e.getMessage(),
          "The answer was not NetSuite's: check the accountId" + " and baseUrl.",
          started);
    }
    return failed(
        e instanceof RetryableStepException
            ? ConnectionProblem.UNREACHABLE
            : ConnectionProblem.AUTH_FAILED,
        e.getMessage(),
        "Check the connection's settings and try again.",
        started);
  }

  private ConnectionCheck answered(
      NetSuiteAnswer answer, String message, NetSuiteConnectionSettings settings, long started) {
    String said = answer.getMessage().toLowerCase(Locale.ROOT);
    if (answer.status() == 404 || answer.status() == 405) {
      return failed(
          ConnectionProblem.WRONG_URL,
          message,
          "No SuiteTalk REST service answered at "
              + settings.baseUrl()
              + ": check the accountId and baseUrl.",
          started);
    }
    if (answer.status() >= 500 || answer.status() == 429) {
      return failed(
          ConnectionProblem.UNAVAILABLE,
          message,
          "NetSuite is failing or busy right now; try again" + " later.",
          started);
    }
    if (answer.status() == 403) {
      return failed(
          ConnectionProblem.NO_PERMISSION,
          message,
          "Give the integration's role the permissions"
              + " 'REST Web Services', 'Log in using OAuth 2.0 Access Tokens' (or access tokens for TBA) and view on"
              + " Purchase Order, Vendors and Items.",
          started);
    }
    if (!answer.tokenEndpoint()) {
      return failed(
          ConnectionProblem.AUTH_FAILED,
          message,
          "NetSuite rejected the credentials: check them against"
              + " the integration record and the access token (TBA) or the certificate mapping (M2M), and the Login"
              + " Audit Trail.",
          started);
    }
    if (said.contains(NetSuiteGuesses.BAD_SIGNATURE_WORDS)) {
      return failed(
          ConnectionProblem.AUTH_FAILED,
          message,
          "The privateKey does not belong to the certificate of"
              + " this certificate id: enter the private.pem made together with the uploaded public.pem.",
          started);
    }
    if (said.contains(NetSuiteGuesses.UNKNOWN_CERTIFICATE_WORDS)) {
      return failed(
          ConnectionProblem.WRONG_CERTIFICATE_ID,
          message,
          "Enter the certificate id NetSuite showed when"
              + " public.pem was uploaded (Setup > Integration > OAuth 2.0 Client Credentials).",
          started);
    }
    if (said.contains(NetSuiteGuesses.CLOCK_WORDS)
        || said.contains("clock")
        || said.contains("expired")) {
      return failed(
          ConnectionProblem.CLOCK_SKEW,
          message,
          "Set this machine's clock right (NTP): NetSuite refuses"
              + " assertions issued in the future or already expired.",
          started);
    }
    return failed(
        ConnectionProblem.AUTH_FAILED,
        message,
        "Check the clientId, certificateId and privateKey, that"
            + " this machine's clock is right, and NetSuite's Login Audit Trail for the reason.",
        started);
  }

  private static ConnectionCheck failed(
      ConnectionProblem problem, String message, String fix, long started) {
    return ConnectionCheck.failed(problem, message, fix, took(started));
  }

  private static Duration took(long started) {
    return Duration.ofNanos(System.nanoTime() - started);
  }
}
