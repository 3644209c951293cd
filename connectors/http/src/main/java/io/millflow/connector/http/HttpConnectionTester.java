package io.millflow.connector.http;

import io.millflow.step.ConnectionCheck;
import io.millflow.step.ConnectionProblem;
import io.millflow.step.ConnectionTester;
import io.millflow.step.OutboundGuard;
import io.millflow.step.ReauthRequiredException;
import io.millflow.step.RetryableStepException;
import io.millflow.step.StepFailure;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Tests an {@code http} connection with one GET of its base URL, signed in (an OAuth 2.0 token
 * fetched first): rejected credentials or a refused token are a failed sign-in, no answer an
 * unreachable host, 5xx and 429 a server unavailable for now. Any other answer, a 404 of the bare
 * base URL included, shows that the server is there and took the credentials.
 */
@Singleton
public final class HttpConnectionTester implements ConnectionTester<HttpConnection> {

  private static final RetryPolicy ONCE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

  private final RequestSender sender;

  @Inject
  public HttpConnectionTester(OutboundGuard guard) {
    this.sender = new RequestSender(guard, ONCE, Clock.systemUTC());
  }

  @Override
  public Class<HttpConnection> connectionType() {
    return HttpConnection.class;
  }

  @Override
  public ConnectionCheck check(String name, HttpConnection connection) {
    long started = System.nanoTime();
    Exchange probe =
        new Exchange(
            "GET", connection.baseUrl(), DefaultHeaders.parse(connection.defaultHeaders()), null);
    try {
      Answer answer = sender.send(Call.of(name, connection), probe, 64 * 1024);
      return passed(started, connection, answer.status());
    } catch (ReauthRequiredException e) {
      return ConnectionCheck.failed(
          ConnectionProblem.AUTH_FAILED,
          e.getMessage(),
          "Enter the credentials the API accepts for the chosen authentication.",
          took(started));
    } catch (RetryableStepException e) {
      boolean noAnswer = e.getCause() != null;
      return ConnectionCheck.failed(
          e.getCause() instanceof HttpTimeoutException
              ? ConnectionProblem.TIMEOUT
              : noAnswer ? ConnectionProblem.UNREACHABLE : ConnectionProblem.UNAVAILABLE,
          e.getMessage(),
          noAnswer
              ? "Check the host and port of baseUrl, and that this machine may reach it."
              : "The API is failing or limiting calls right now; test again in a minute.",
          took(started));
    } catch (StepFailure e) {
      if (e.code().startsWith("HTTP_") && e.code().substring(5).matches("4\\d\\d")) {
        return passed(started, connection, Integer.parseInt(e.code().substring(5)));
      }
      return ConnectionCheck.failed(
          ConnectionProblem.WRONG_URL,
          e.getMessage(),
          "Correct baseUrl or tokenUrl.",
          took(started));
    }
  }

  private static ConnectionCheck passed(long started, HttpConnection connection, int status) {
    return ConnectionCheck.passed(
        took(started),
        Map.of("baseUrl", connection.baseUrl().toString(), "status", Integer.toString(status)));
  }

  private static Duration took(long started) {
    return Duration.ofNanos(System.nanoTime() - started);
  }
}
