package io.millflow.connector.netsuite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.connector.netsuite.protocol.NetSuiteGuesses;
import io.millflow.step.Json;
import io.millflow.step.RetryableStepException;
import io.millflow.step.StepFailure;
import io.millflow.step.http.CallDeadline;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@link NetSuiteClient} over HTTP with the JDK client. Signs every call (a cached M2M bearer
 * token, renewed once on a 401, or a fresh OAuth 1.0a signature), holds one of the account's
 * request slots while it runs, and backs off and tries again when NetSuite answers 429 (the account
 * over its concurrency limit), honouring Retry-After: API calls in both auth modes and the M2M
 * token request alike.
 */
public final class HttpNetSuiteClient implements NetSuiteClient {

  static final String SUITEQL = "/services/rest/query/v1/suiteql";
  static final String RECORD = "/services/rest/record/v1/";

  /**
   * Tries after a concurrency-limit answer before giving up with a retryable error; waits double
   * from 250 ms.
   */
  static final int CONCURRENCY_RETRIES = 4;

  private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
  private static final Duration LONGEST_BACKOFF = Duration.ofSeconds(10);
  private static final Map<String, String> TRANSIENT = Map.of("Prefer", "transient");

  /**
   * Decimals as sent ({@code 12.50} stays {@code 12.50}): rates are money, and raw records stay
   * untouched.
   */
  private static final ObjectReader READER =
      Json.mapper().reader().without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);

  private final NetSuiteConnectionSettings settings;
  private final HttpClient http;
  private final AccessTokens tokens;
  private final AccountConcurrency concurrency;
  private final Clock clock;
  private final RecordWriter writes;

  HttpNetSuiteClient(
      NetSuiteConnectionSettings settings,
      HttpClient http,
      AccessTokens tokens,
      AccountConcurrency concurrency,
      Clock clock) {
    this.settings = settings;
    this.http = http;
    this.tokens = tokens;
    this.concurrency = concurrency;
    this.clock = clock;
    this.writes = new RecordWriter(this, settings);
  }

  public NetSuiteConnectionSettings settings() {
    return settings;
  }

  @Override
  public SuiteQlPage suiteQl(String query, int limit, int offset) {
    byte[] body =
        Json.mapper()
            .createObjectNode()
            .put("q", query)
            .toString()
            .getBytes(StandardCharsets.UTF_8);
    NetSuiteCall call = NetSuiteCall.of(settings, "POST", SUITEQL);
    JsonNode page = send(call, SUITEQL + "?limit=" + limit + "&offset=" + offset, body, TRANSIENT);
    List<ObjectNode> items = new ArrayList<>(page.path("items").size());
    for (JsonNode item : page.path("items")) {
      if (!(item instanceof ObjectNode row)) {
        throw unexpected(call, "an items array of objects");
      }
      row.remove("links"); // each row links to nothing useful; dropping it keeps datasets lean
      items.add(row);
    }
    if (!page.has("hasMore")) {
      throw unexpected(call, "a paging envelope with hasMore");
    }
    return new SuiteQlPage(
        items,
        page.path("hasMore").asBoolean(),
        page.path("offset").asInt(offset),
        page.path("totalResults").asInt(-1));
  }

  @Override
  public ObjectNode record(String type, String id, boolean expandSubResources) {
    String path = RECORD + encode(type) + "/" + encode(id);
    NetSuiteCall call = NetSuiteCall.of(settings, "GET", path);
    JsonNode record =
        send(call, path + (expandSubResources ? "?expandSubResources=true" : ""), null, Map.of());
    if (!(record instanceof ObjectNode object)) {
      throw unexpected(call, "a JSON object");
    }
    return object;
  }

  @Override
  public Optional<ObjectNode> recordByExternalId(
      String type, String externalId, boolean expandSubResources) {
    return writes.recordByExternalId(type, externalId, expandSubResources);
  }

  @Override
  public Optional<ObjectNode> recordByInternalId(
      String type, String internalId, boolean expandSubResources) {
    return writes.recordByInternalId(type, internalId, expandSubResources);
  }

  @Override
  public WriteAnswer upsert(
      String type, String externalId, ObjectNode body, String idempotencyKey) {
    return writes.upsert(type, externalId, body, idempotencyKey);
  }

  @Override
  public WriteAnswer create(String type, ObjectNode body, String idempotencyKey) {
    return writes.create(type, body, idempotencyKey);
  }

  @Override
  public WriteAnswer update(
      String type, String externalId, ObjectNode body, String replace, String idempotencyKey) {
    return writes.update(type, externalId, body, replace, idempotencyKey);
  }

  @Override
  public WriteAnswer transform(
      String type,
      String externalId,
      String toType,
      ObjectNode body,
      String replace,
      String idempotencyKey) {
    return writes.transform(type, externalId, toType, body, replace, idempotencyKey);
  }

  @Override
  public WriteAnswer transformByInternalId(
      String type,
      String internalId,
      String toType,
      ObjectNode body,
      String replace,
      String idempotencyKey) {
    return writes.transformByInternalId(type, internalId, toType, body, replace, idempotencyKey);
  }

  private JsonNode send(
      NetSuiteCall call, String pathAndQuery, byte[] body, Map<String, String> headers) {
    HttpResponse<byte[]> response = respond(call, pathAndQuery, body, headers);
    if (response.statusCode() / 100 != 2) {
      throw NetSuiteErrors.ofResponse(
          call, settings.auth(), response.statusCode(), response.headers(), response.body());
    }
    return parse(call, response.body());
  }

  /**
   * NetSuite's answer to one call, after one token renewal on a 401 and backing off from a 429 (the
   * account's concurrency limit or any other, waiting its Retry-After); every other status is the
   * caller's to judge. Holds one of the account's request slots during each exchange only.
   */
  HttpResponse<byte[]> respond(
      NetSuiteCall call, String pathAndQuery, byte[] body, Map<String, String> headers) {
    boolean renewed = false;
    for (int attempt = 0; ; attempt++) {
      URI uri = settings.resolve(pathAndQuery);
      String authorization = authorization(call.method(), uri);
      HttpResponse<byte[]> response =
          exchangeInSlot(call, request(call, uri, body, authorization, headers));
      int status = response.statusCode();
      if (status / 100 == 2) {
        return response;
      }
      if (status == 401 && settings.auth() instanceof NetSuiteAuth.M2m && !renewed) {
        tokens.invalidate(tokenKey(), authorization.substring("Bearer ".length()));
        renewed = true; // a token NetSuite revoked early: one new token, then a 401 is final
        continue;
      }
      NetSuiteError error = NetSuiteError.parse(response.body(), status);
      if ((status == 429 || NetSuiteErrors.isConcurrencyLimit(status, error))
          && attempt < CONCURRENCY_RETRIES) {
        sleep(backoff(attempt, NetSuiteErrors.retryAfter(response.headers())));
        continue;
      }
      return response;
    }
  }

  /**
   * Sends {@code request} holding one of the account's request slots for the exchange only: the
   * request is signed before and a back-off waits after, so the slots bound what NetSuite has in
   * flight and nothing else.
   */
  private HttpResponse<byte[]> exchangeInSlot(NetSuiteCall call, HttpRequest request) {
    Semaphore slot = concurrency.acquire(settings);
    try {
      return exchange(call, request);
    } finally {
      slot.release();
    }
  }

  /** The answer as JSON; a step failure naming the call when it is not. */
  static JsonNode json(NetSuiteCall call, byte[] body) {
    return parse(call, body);
  }

  private String authorization(String method, URI uri) {
    return switch (settings.auth()) {
      case NetSuiteAuth.M2m m2m -> "Bearer " + tokens.token(tokenKey(), () -> fetchToken(m2m));
      case NetSuiteAuth.Tba tba ->
          TbaHeader.of(
              method,
              uri,
              NetSuiteGuesses.realm(settings.accountId()),
              tba,
              UUID.randomUUID().toString().replace("-", ""),
              clock.instant().getEpochSecond());
    };
  }

  /**
   * A new access token; a 429 from the token endpoint is waited out as an API call's is, each try
   * with a new client assertion (an assertion is meant to be used once).
   */
  private AccessTokens.Token fetchToken(NetSuiteAuth.M2m m2m) {
    NetSuiteCall call = NetSuiteCall.of(settings, "POST", settings.tokenUrl().getPath());
    HttpResponse<byte[]> response = exchange(call, tokenRequest(m2m, call));
    for (int attempt = 0;
        response.statusCode() == 429 && attempt < CONCURRENCY_RETRIES;
        attempt++) {
      sleep(backoff(attempt, NetSuiteErrors.retryAfter(response.headers())));
      response = exchange(call, tokenRequest(m2m, call));
    }
    if (response.statusCode() / 100 != 2) {
      throw NetSuiteErrors.ofTokenResponse(
          call, m2m, response.statusCode(), response.headers(), response.body());
    }
    JsonNode json = parse(call, response.body());
    String token = json.path("access_token").asText("");
    long seconds =
        json.path("expires_in").asLong(0); // NetSuite sends it as a string; asLong reads both
    if (token.isEmpty() || seconds <= 0) {
      throw unexpected(call, "an access_token with expires_in");
    }
    return new AccessTokens.Token(token, clock.instant().plusSeconds(seconds));
  }

  private HttpRequest tokenRequest(NetSuiteAuth.M2m m2m, NetSuiteCall call) {
    String form =
        "grant_type=client_credentials"
            + "&client_assertion_type="
            + encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
            + "&client_assertion="
            + encode(ClientAssertion.sign(settings, m2m, clock.instant()));
    return HttpRequest.newBuilder(settings.tokenUrl())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .header("X-Request-Id", call.requestId())
        .POST(HttpRequest.BodyPublishers.ofString(form))
        .build();
  }

  private String tokenKey() {
    return switch (settings.auth()) {
      case NetSuiteAuth.M2m m2m ->
          settings.accountKey()
              + " "
              + settings.connectionName()
              + " "
              + m2m.clientId()
              + " "
              + m2m.certificateId()
              + " "
              + settings.scope();
      case NetSuiteAuth.Tba tba -> settings.accountKey();
    };
  }

  private HttpRequest request(
      NetSuiteCall call, URI uri, byte[] body, String authorization, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .header("Accept", "application/json")
            .header("Authorization", authorization)
            .header("X-Request-Id", call.requestId());
    if (body == null) {
      return request.GET().build();
    }
    headers.forEach(request::header);
    return request
        .header("Content-Type", "application/json")
        .method(call.method(), HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
  }

  private HttpResponse<byte[]> exchange(NetSuiteCall call, HttpRequest request) {
    try {
      return CallDeadline.send(
          http, request, HttpResponse.BodyHandlers.ofByteArray(), settings.timeout());
    } catch (IOException e) {
      throw NetSuiteErrors.ofNoResponse(call, e, settings.timeout(), settings.baseUrl().toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetryableStepException("Interrupted during " + call.describe(), e);
    }
  }

  private static JsonNode parse(NetSuiteCall call, byte[] body) {
    try {
      return READER.readTree(body);
    } catch (IOException e) {
      throw unexpected(call, "JSON");
    }
  }

  /**
   * Retry-After when NetSuite gave one, else 250 ms doubling with jitter; never more than ten
   * seconds.
   */
  private static Duration backoff(int attempt, Duration retryAfter) {
    Duration wait =
        retryAfter != null
            ? retryAfter
            : FIRST_BACKOFF
                .multipliedBy(1L << attempt)
                .plusMillis(ThreadLocalRandom.current().nextLong(100));
    return wait.compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF : wait;
  }

  private static void sleep(Duration wait) {
    try {
      Thread.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetryableStepException("Interrupted while backing off from NetSuite's 429", e);
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  static StepFailure unexpected(NetSuiteCall call, String expected) {
    return new StepFailure(
        "NETSUITE_UNEXPECTED_RESPONSE",
        "NetSuite answered "
            + call.describe()
            + " with something"
            + " other than "
            + expected
            + ". Check that the accountId and baseUrl of connection '"
            + call.connectionName()
            + "' point at SuiteTalk REST (https://<account>.suitetalk.api.netsuite.com).");
  }
}
