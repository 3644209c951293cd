package io.millflow.connector.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.http.Authentication.OAuth2ClientCredentials;
import io.millflow.step.Json;
import io.millflow.step.OutboundGuard;
import io.millflow.step.ReauthRequiredException;
import io.millflow.step.RetryableStepException;
import io.millflow.step.StepFailure;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OAuth 2.0 client-credentials tokens, cached per token URL, client and scope (and secret, so new
 * credentials get a new token) until shortly before they expire. The client authenticates with HTTP
 * Basic, which every token endpoint must accept (RFC 6749 2.3.1).
 */
final class OAuth2Tokens {

  /** Renew this long before the token's end, so a request never starts with a dying token. */
  private static final Duration MARGIN = Duration.ofSeconds(30);

  private static final Duration UNKNOWN_LIFETIME = Duration.ofMinutes(5);

  private record Key(String tokenUrl, String clientId, String scope, String secretHash) {}

  private record Token(String value, Instant renewAt) {}

  private final Map<Key, Token> tokens = new ConcurrentHashMap<>();
  private final HttpClient http;
  private final OutboundGuard guard;
  private final Clock clock;

  OAuth2Tokens(HttpClient http, OutboundGuard guard, Clock clock) {
    this.http = http;
    this.guard = guard;
    this.clock = clock;
  }

  /** A valid token, from the cache or fetched now. */
  String token(Call call, OAuth2ClientCredentials auth) {
    Key key = key(auth);
    Token cached = tokens.get(key);
    if (cached != null && clock.instant().isBefore(cached.renewAt())) {
      return cached.value();
    }
    Token fresh = fetch(call, auth);
    tokens.put(key, fresh);
    return fresh.value();
  }

  /** Drops the cached token after the API rejected it, so the next {@link #token} fetches one. */
  void forget(OAuth2ClientCredentials auth, String rejected) {
    tokens.computeIfPresent(
        key(auth), (key, token) -> token.value().equals(rejected) ? null : token);
  }

  private Token fetch(Call call, OAuth2ClientCredentials auth) {
    guard.check("settings.tokenUrl", auth.tokenUrl());
    String requestId = UUID.randomUUID().toString();
    String form =
        "grant_type=client_credentials"
            + (auth.scope() == null || auth.scope().isBlank()
                ? ""
                : "&scope=" + encode(auth.scope()));
    HttpRequest request =
        HttpRequest.newBuilder(auth.tokenUrl())
            .timeout(call.timeout())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .header("Authorization", basic(auth.clientId(), auth.clientSecret()))
            .header("X-Request-Id", requestId)
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new RetryableStepException(
          "No token from the token URL of connection '"
              + call.connectionName()
              + "' (request "
              + requestId
              + "): "
              + HttpErrors.reason(e, call.timeout())
              + ".",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetryableStepException("Interrupted while fetching a token", e);
    }
    return read(call, requestId, response);
  }

  private Token read(Call call, String requestId, HttpResponse<byte[]> response) {
    int status = response.statusCode();
    String seen =
        " ("
            + status
            + ", request "
            + requestId
            + ")"
            + HttpErrors.bodyPart(response.body(), call.secrets());
    if (status == 400 || status == 401 || status == 403) {
      throw new ReauthRequiredException(
          call.connectionName(),
          "The token URL of connection '"
              + call.connectionName()
              + "' refused its client credentials"
              + seen
              + " Enter a valid client id and secret (and scope) for connection '"
              + call.connectionName()
              + "'.");
    }
    if (status / 100 != 2) {
      throw new RetryableStepException(
          "The token URL of connection '" + call.connectionName() + "' failed" + seen,
          null,
          HttpErrors.retryAfter(response.headers(), clock));
    }
    JsonNode json;
    try {
      json = Json.mapper().readTree(response.body());
    } catch (IOException e) {
      json = null;
    }
    String token = json == null ? "" : json.path("access_token").asText("");
    if (token.isEmpty()) {
      throw new StepFailure(
          "HTTP_TOKEN_UNEXPECTED",
          "The token URL of connection '"
              + call.connectionName()
              + "' answered "
              + status
              + " without an access_token (request "
              + requestId
              + "). Check that settings.tokenUrl is the OAuth 2.0 token endpoint.");
    }
    Duration lifetime =
        json.path("expires_in").canConvertToLong() && json.path("expires_in").asLong() > 0
            ? Duration.ofSeconds(json.path("expires_in").asLong())
            : UNKNOWN_LIFETIME;
    Duration margin =
        lifetime.compareTo(MARGIN.multipliedBy(2)) > 0 ? MARGIN : lifetime.dividedBy(2);
    return new Token(token, clock.instant().plus(lifetime).minus(margin));
  }

  private static Key key(OAuth2ClientCredentials auth) {
    return new Key(
        auth.tokenUrl().toString(),
        auth.clientId(),
        String.valueOf(auth.scope()),
        sha256(auth.clientSecret()));
  }

  private static String basic(String user, String password) {
    // RFC 6749 2.3.1: each part form-encoded before the Basic encoding.
    String pair = encode(user) + ":" + encode(password);
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JDK has SHA-256", e);
    }
  }
}
