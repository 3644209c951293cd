package io.millflow.connector.idhammar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.step.Json;
import io.millflow.step.RetryableStepException;
import io.millflow.step.StepFailure;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@link IdhammarClient} over HTTP with the JDK client: {@code Authorization: Bearer <apiToken>}, a
 * request id per call in {@code X-Request-Id}, client-side pacing shared by the connection,
 * failures mapped by {@link IdhammarErrors}.
 */
public final class HttpIdhammarClient implements IdhammarClient {

  static final String SITES = "/api/v1/sites";
  static final String MACHINES = "/api/v1/machines";
  static final String DOWNTIME_EVENTS = "/api/v1/downtime-events";
  static final String PRODUCTION_COUNTS = "/api/v1/production-counts";
  static final String OEE = "/api/v1/oee";

  private final IdhammarConnectionSettings settings;
  private final HttpClient http;
  private final IdhammarPacing pacing;
  private final Clock clock = Clock.systemUTC();

  HttpIdhammarClient(IdhammarConnectionSettings settings, HttpClient http, IdhammarPacing pacing) {
    this.settings = settings;
    this.http = http;
    this.pacing = pacing;
  }

  public IdhammarConnectionSettings settings() {
    return settings;
  }

  @Override
  public IdhammarPage sites(int limit, String cursor) {
    return list(SITES, Map.of("limit", Integer.toString(limit)), cursor);
  }

  @Override
  public IdhammarPage machines(String siteId, int limit, String cursor) {
    Map<String, String> query = new LinkedHashMap<>();
    if (siteId != null) {
      query.put("siteId", siteId);
    }
    query.put("limit", Integer.toString(limit));
    return list(MACHINES, query, cursor);
  }

  @Override
  public IdhammarPage downtimeEvents(DowntimeQuery query, String cursor) {
    return list(DOWNTIME_EVENTS, query.parameters(), cursor);
  }

  @Override
  public IdhammarPage productionCounts(PeriodQuery query, String cursor) {
    return list(PRODUCTION_COUNTS, query.parameters(), cursor);
  }

  @Override
  public IdhammarPage oee(PeriodQuery query, String cursor) {
    return list(OEE, query.parameters(), cursor);
  }

  /** Sends one GET as it is, for the connection tester, which reads the status itself. */
  HttpResponse<byte[]> send(IdhammarCall call, String pathAndQuery)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(settings.resolve(pathAndQuery))
            .timeout(settings.timeout())
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + settings.apiToken())
            .header("X-Request-Id", call.requestId())
            .GET()
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  private IdhammarPage list(String path, Map<String, String> query, String cursor) {
    Map<String, String> parameters = new LinkedHashMap<>(query);
    if (cursor != null) {
      parameters.put("cursor", cursor);
    }
    IdhammarCall call = IdhammarCall.get(settings, path);
    JsonNode body = get(call, path + queryString(parameters));
    JsonNode data = body.path("data");
    JsonNode next = body.path("next");
    if (!data.isArray() || !(next.isTextual() || next.isNull() || next.isMissingNode())) {
      throw unexpected(
          call,
          "a page {\"data\":[...],\"next\":...}",
          "a JSON " + body.getNodeType() + " without that shape");
    }
    List<ObjectNode> rows = new ArrayList<>(data.size());
    for (JsonNode row : data) {
      if (!(row instanceof ObjectNode object)) {
        throw unexpected(call, "rows that are objects", "a row that is a " + row.getNodeType());
      }
      rows.add(object);
    }
    return new IdhammarPage(
        rows, next.isTextual() && !next.asText().isEmpty() ? next.asText() : null);
  }

  private JsonNode get(IdhammarCall call, String pathAndQuery) {
    pacing.acquire(settings);
    HttpResponse<byte[]> response;
    try {
      response = send(call, pathAndQuery);
    } catch (IOException e) {
      throw IdhammarErrors.ofNoResponse(call, e, settings);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetryableStepException("Interrupted during " + call.describe(), e);
    }
    if (response.statusCode() / 100 != 2) {
      throw IdhammarErrors.ofResponse(
          call,
          response.statusCode(),
          response.headers(),
          response.body(),
          settings.apiToken(),
          clock);
    }
    try {
      return Json.mapper().readTree(response.body());
    } catch (IOException e) {
      throw unexpected(call, "JSON", "a body that is not JSON");
    }
  }

  private static String queryString(Map<String, String> query) {
    return query.isEmpty()
        ? ""
        : query.entrySet().stream()
            .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
            .collect(Collectors.joining("&", "?", ""));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static StepFailure unexpected(IdhammarCall call, String expected, String got) {
    return new StepFailure(
        "IDHAMMAR_UNEXPECTED_RESPONSE",
        "Idhammar answered "
            + call.describe()
            + " with "
            + got
            + " where "
            + expected
            + " was expected. Check that the base URL of connection '"
            + call.connectionName()
            + "' points at the Idhammar OEE server (without /api/v1).");
  }
}
