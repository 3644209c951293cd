package io.millflow.connector.plex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.connector.plex.protocol.PlexGuesses;
import io.millflow.connector.plex.protocol.PlexResource;
import io.millflow.step.StepFailure;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@link PlexClient} over HTTP with the JDK client: the key in {@code X-Plex-Connect-Api-Key}, the
 * optional tenant or customer header, client-side pacing shared by the connection, and failures
 * mapped by {@link PlexErrors}.
 */
public final class HttpPlexClient implements PlexClient {

  static final String PURCHASE_ORDERS = "/purchasing/v1/purchase-orders";
  static final String TENANTS = "/mdm/v1/tenants";
  static final String RELEASES = "/purchasing/v2-beta1/releases";

  private final PlexConnectionSettings settings;
  private final HttpClient http;
  private final PlexRateLimiters rateLimiters;
  private final Clock clock;

  public HttpPlexClient(
      PlexConnectionSettings settings, HttpClient http, PlexRateLimiters rateLimiters) {
    this(settings, http, rateLimiters, Clock.systemUTC());
  }

  HttpPlexClient(
      PlexConnectionSettings settings,
      HttpClient http,
      PlexRateLimiters rateLimiters,
      Clock clock) {
    this.settings = settings;
    this.http = http;
    this.rateLimiters = rateLimiters;
    this.clock = clock;
  }

  @Override
  public List<ObjectNode> purchaseOrders(PurchaseOrderFilter filter) {
    return getArray(PURCHASE_ORDERS, filter.queryParameters());
  }

  @Override
  public List<ObjectNode> purchaseOrderLineItems(String purchaseOrderId) {
    String path =
        PURCHASE_ORDERS
            + "/"
            + URLEncoder.encode(purchaseOrderId, StandardCharsets.UTF_8)
            + "/line-items";
    try {
      return getArray(path, List.of());
    } catch (StepFailure e) {
      if (PlexGuesses.LINE_ITEMS_404_MEANS_NONE && e.code().equals("PLEX_NOT_FOUND")) {
        return List.of();
      }
      throw e;
    }
  }

  @Override
  public List<ObjectNode> releases(List<Map.Entry<String, String>> query) {
    return getArray(RELEASES, query);
  }

  @Override
  public List<ObjectNode> records(PlexResource resource, List<Map.Entry<String, String>> query) {
    return getArray(resource.path(), query);
  }

  @Override
  public List<ObjectNode> tenants() {
    return getArray(TENANTS, List.of());
  }

  public PlexConnectionSettings settings() {
    return settings;
  }

  List<ObjectNode> getArray(String path, List<Map.Entry<String, String>> query) {
    PlexCall call = PlexCall.get(settings, path);
    JsonNode body = get(call, path + queryString(query));
    if (!body.isArray()) {
      throw unexpected(call, "a JSON array", "a JSON " + body.getNodeType());
    }
    List<ObjectNode> items = new ArrayList<>(body.size());
    for (JsonNode item : body) {
      if (!(item instanceof ObjectNode object)) {
        throw unexpected(call, "an array of objects", "an array holding " + item.getNodeType());
      }
      items.add(object);
    }
    return items;
  }

  private JsonNode get(PlexCall call, String pathAndQuery) {
    rateLimiters.acquire(settings);
    HttpResponse<byte[]> response =
        PlexHttp.send(
            http,
            request(settings, call, pathAndQuery),
            call,
            settings.timeout(),
            settings.baseUrl());
    if (response.statusCode() / 100 != 2) {
      throw rateLimiters.heed(
          settings,
          response.statusCode(),
          PlexErrors.ofResponse(
              call,
              response.statusCode(),
              response.headers(),
              response.body(),
              settings.apiKey(),
              clock));
    }
    return PlexHttp.json(call, response.body(), "https://connect.plex.com", "baseUrl");
  }

  /** A GET with the key, the request id and the tenant or customer header the settings name. */
  static HttpRequest request(PlexConnectionSettings settings, PlexCall call, String pathAndQuery) {
    return builder(settings, call, pathAndQuery).GET().build();
  }

  /** A request with the key, the request id and the tenant or customer header, method to set. */
  static HttpRequest.Builder builder(
      PlexConnectionSettings settings, PlexCall call, String pathAndQuery) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(settings.resolve(pathAndQuery))
            .header("Accept", "application/json")
            .header("X-Plex-Connect-Api-Key", settings.apiKey())
            .header("X-Request-Id", call.requestId());
    if (settings.tenantId() != null) {
      request.header("X-Plex-Connect-Tenant-Id", settings.tenantId());
    }
    if (settings.customerId() != null) {
      request.header("X-Plex-Connect-Customer-Id", settings.customerId());
    }
    return request;
  }

  private static String queryString(List<Map.Entry<String, String>> query) {
    return query.isEmpty()
        ? ""
        : query.stream()
            .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
            .collect(Collectors.joining("&", "?", ""));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static StepFailure unexpected(PlexCall call, String expected, String got) {
    return PlexHttp.unexpected(call, expected, got, "https://connect.plex.com", "baseUrl");
  }
}
