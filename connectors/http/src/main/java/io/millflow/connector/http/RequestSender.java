package io.millflow.connector.http;

import io.millflow.connector.http.Authentication.OAuth2ClientCredentials;
import io.millflow.step.OutboundGuard;
import io.millflow.step.RetryableStepException;
import io.millflow.step.StepFailure;
import io.millflow.step.http.ObservedHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends one request of a step: through the outbound guard before every hop, redirects followed by
 * step-library's guarded follower (credentials only to the connection's own origin, never from
 * https to http), the connection's sign-in applied, an OAuth 2.0 token renewed once when the API
 * rejects it, and failures retried or mapped by {@link HttpErrors}. The body is read up to a limit,
 * so one answer cannot exhaust the heap.
 */
final class RequestSender {

  private final HttpClient http;
  private final Map<Set<String>, HttpClient> clients = new ConcurrentHashMap<>();
  private final OutboundGuard guard;
  private final OAuth2Tokens tokens;
  private final RetryPolicy retries;
  private final Clock clock;

  RequestSender(OutboundGuard guard, RetryPolicy retries, Clock clock) {
    this.http =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER) // ObservedHttpClient's follower, guarded
            .connectTimeout(Duration.ofSeconds(30))
            .build();
    this.guard = guard;
    this.tokens = new OAuth2Tokens(http, guard, clock);
    this.retries = retries;
    this.clock = clock;
  }

  /**
   * The 2xx answer to {@code exchange}, its body at most {@code maxBody} bytes.
   *
   * @throws io.millflow.step.StepException per the error model, once retries are spent
   */
  Answer send(Call call, Exchange exchange, int maxBody) {
    boolean renewedToken = false;
    for (int attempt = 1; ; attempt++) {
      String requestId = UUID.randomUUID().toString();
      Sent sent = follow(call, exchange, requestId, maxBody);
      int status = sent.status();
      if (status / 100 == 2) {
        return new Answer(
            sent.exchange().uri(), requestId, status, sent.response().headers(), sent.body());
      }
      if (status == 401
          && !renewedToken
          && call.authentication() instanceof OAuth2ClientCredentials oauth
          && sent.token() != null) {
        tokens.forget(oauth, sent.token());
        renewedToken = true;
        attempt--;
        continue;
      }
      Duration retryAfter =
          sent.response() == null ? null : HttpErrors.retryAfter(sent.response().headers(), clock);
      boolean retryable = sent.failure() != null || HttpErrors.isRetryable(status);
      Duration wait = retryable ? retries.waitBefore(attempt + 1, retryAfter) : null;
      if (wait == null) {
        throw sent.failure() != null
            ? HttpErrors.ofNoAnswer(call, sent.exchange(), requestId, sent.failure())
            : HttpErrors.ofStatus(
                call,
                sent.exchange(),
                requestId,
                status,
                sent.response().headers(),
                sent.body(),
                retryAfter);
      }
      sleep(wait);
    }
  }

  /** What one attempt came to: an answer (with its final exchange), or a failure to get one. */
  private record Sent(
      Exchange exchange, HttpResponse<?> response, byte[] body, IOException failure, String token) {
    int status() {
      return response == null ? -1 : response.statusCode();
    }
  }

  /**
   * One attempt: the first hop through the guard here, each redirect through the guard by {@link
   * ObservedHttpClient}'s follower, which also drops the connection's credential headers on a hop
   * to another origin and sends a body again after a 307 or 308.
   */
  private Sent follow(Call call, Exchange first, String requestId, int maxBody) {
    guard.check("url", first.uri());
    String token = tokenFor(call, first.uri());
    HttpRequest request = request(call, first, requestId, token);
    HttpResponse<InputStream> response;
    try {
      response = client(call).send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      rethrowBodyFailure(e);
      return new Sent(first, null, null, e, token);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetryableStepException("Interrupted during " + first.describe(), e);
    }
    Exchange answered = answered(first, request, response);
    try {
      return new Sent(
          answered, response, read(response, maxBody, call, answered, requestId), null, token);
    } catch (IOException e) {
      return new Sent(answered, null, null, e, token);
    }
  }

  /**
   * A record the body could not be written from (a CSV row of no object) fails the step as it is:
   * the client reports it as a failed send, which would otherwise be retried as a network error.
   */
  private static void rethrowBodyFailure(IOException e) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof StepFailure failure) {
        throw failure;
      }
    }
  }

  /** The exchange a redirected request ended as: its last URL, and GET if a hop changed it. */
  private static Exchange answered(Exchange first, HttpRequest request, HttpResponse<?> response) {
    if (response.uri().equals(request.uri())) {
      return first;
    }
    return response.request().method().equals(first.method())
        ? first.at(response.uri())
        : first.asGet(response.uri());
  }

  /** The client whose redirect follower drops this connection's credential headers elsewhere. */
  private HttpClient client(Call call) {
    Set<String> credentials =
        call.authentication() instanceof Authentication.ApiKeyHeader key
            ? Set.of(key.name())
            : Set.of();
    return clients.computeIfAbsent(
        credentials,
        names -> ObservedHttpClient.of(http, HttpClient.Redirect.NORMAL, guard, names));
  }

  private String tokenFor(Call call, URI uri) {
    return call.authentication() instanceof OAuth2ClientCredentials oauth && call.isOwnOrigin(uri)
        ? tokens.token(call, oauth)
        : null;
  }

  private static HttpRequest request(Call call, Exchange exchange, String requestId, String token) {
    boolean own = call.isOwnOrigin(exchange.uri());
    URI uri = exchange.uri();
    if (own && call.authentication() instanceof Authentication.ApiKeyQuery key) {
      uri = Urls.withParameter(uri, key.name(), key.key());
    }
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(call.timeout());
    for (Map.Entry<String, String> header : exchange.headers().entrySet()) {
      try {
        builder.header(header.getKey(), header.getValue());
      } catch (IllegalArgumentException e) {
        throw new StepFailure(
            "INVALID_INPUT",
            "Header '"
                + header.getKey()
                + "' cannot be sent: the HTTP client sets it itself, or the name or value is"
                + " not allowed in a header. Leave it out.");
      }
    }
    builder.setHeader("X-Request-Id", requestId);
    if (own) {
      switch (call.authentication()) {
        case Authentication.None none -> {}
        case Authentication.ApiKeyQuery query -> {}
        case Authentication.ApiKeyHeader key -> builder.setHeader(key.name(), key.key());
        case Authentication.Basic basic -> builder.setHeader("Authorization", basic.header());
        case Authentication.Bearer bearer ->
            builder.setHeader("Authorization", "Bearer " + bearer.token());
        case OAuth2ClientCredentials oauth -> builder.setHeader("Authorization", "Bearer " + token);
      }
    }
    HttpRequest.BodyPublisher body =
        exchange.body() == null ? HttpRequest.BodyPublishers.noBody() : exchange.body().publisher();
    return builder.method(exchange.method(), body).build();
  }

  private static byte[] read(
      HttpResponse<InputStream> response,
      int maxBody,
      Call call,
      Exchange exchange,
      String requestId)
      throws IOException {
    try (InputStream in = response.body()) {
      byte[] body = in.readNBytes(maxBody + 1);
      if (body.length > maxBody && response.statusCode() / 100 == 2) {
        throw new StepFailure(
            "HTTP_BODY_TOO_LARGE",
            "The answer to "
                + exchange.describe()
                + " (connection '"
                + call.connectionName()
                + "', request "
                + requestId
                + ") is larger than "
                + maxBody
                + " bytes. Page through it (paging, a smaller page size), or collect its records"
                + " into a dataset with recordsPointer.");
      }
      return body.length > maxBody ? java.util.Arrays.copyOf(body, maxBody) : body;
    }
  }

  private static void sleep(Duration wait) {
    try {
      Thread.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetryableStepException("Interrupted while waiting to retry", e);
    }
  }
}
