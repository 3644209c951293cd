package io.millflow.connector.netsuite.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.millflow.connector.netsuite.protocol.NetSuiteGuesses;
import io.millflow.sandbox.SandboxJson;
import io.millflow.step.Json;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /services/rest/query/v1/suiteql?limit=&offset=}: {@code Prefer: transient} and {@code
 * {"q":"..."}}, the paging envelope back. Enforces NetSuite's paging rules: a limit of 1 to 1,000,
 * an offset that is a multiple of the limit (guess), and no row past the result ceiling (100,000 by
 * default, lower in tests).
 */
final class SuiteQlHandler implements HttpHandler {

  static final String PATH = "/services/rest/query/v1/suiteql";

  private final NetSuiteSandboxConfig config;
  private final SuiteQlEngine engine;

  SuiteQlHandler(NetSuiteSandboxConfig config, SuiteQlEngine engine) {
    this.config = config;
    this.engine = engine;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    NetSuiteErrorShape errors = NetSuiteErrorShape.INSTANCE;
    if (!exchange.getRequestMethod().equals("POST")) {
      errors.write(exchange, 405, "INVALID_REQUEST", "Use POST for SuiteQL queries.", null);
      return;
    }
    if (!"transient".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Prefer"))) {
      errors.write(
          exchange,
          400,
          "USER_ERROR",
          "SuiteQL queries need the header 'Prefer: transient'.",
          null);
      return;
    }
    Map<String, String> parameters = parameters(exchange.getRequestURI().getRawQuery());
    int limit = number(parameters.get("limit"), config.maxPageSize());
    int offset = number(parameters.get("offset"), 0);
    String paging = pagingProblem(limit, offset);
    if (paging != null) {
      errors.write(exchange, 400, NetSuiteGuesses.RESULT_CEILING_CODE, paging, null);
      return;
    }
    Optional<String> text = SandboxJson.read(exchange).map(body -> body.path("q").asText(null));
    if (text.isEmpty()) {
      errors.write(exchange, 400, "USER_ERROR", "Send the query as {\"q\":\"SELECT ...\"}.", null);
      return;
    }
    SuiteQlQuery query;
    SuiteQlEngine.Result result;
    try {
      query = SuiteQlQuery.parse(text.get());
      String recordType = SuiteQlEngine.recordType(query.table());
      if (recordType != null && config.deniedRecordTypes().contains(recordType)) {
        errors.permissionDenied(exchange, recordType);
        return;
      }
      result = engine.run(query, limit, offset, config.clock().instant().getEpochSecond());
    } catch (SuiteQlQuery.Rejected e) {
      errors.write(exchange, 400, "USER_ERROR", e.getMessage(), null);
      return;
    }
    SandboxJson.write(exchange, 200, envelope(exchange, result, limit, offset));
  }

  private String pagingProblem(int limit, int offset) {
    if (limit < 1 || limit > config.maxPageSize()) {
      return "The limit parameter must be between 1 and " + config.maxPageSize() + ".";
    }
    if (offset < 0 || offset % limit != 0) {
      return "The offset parameter must be a multiple of the limit parameter.";
    }
    if (offset >= config.resultCeiling()) {
      return "The offset parameter exceeds the maximum of "
          + config.resultCeiling()
          + " results of a query.";
    }
    return null;
  }

  private JsonNode envelope(
      HttpExchange exchange, SuiteQlEngine.Result result, int limit, int offset) {
    int reachable = Math.min(result.total(), config.resultCeiling());
    int count = Math.min(result.rows().size(), Math.max(0, reachable - offset));
    boolean hasMore = offset + count < result.total();
    String self = "http://" + exchange.getRequestHeaders().getFirst("Host") + PATH;
    ObjectNode body = Json.mapper().createObjectNode();
    ArrayNode links = body.putArray("links");
    if (hasMore) {
      links
          .addObject()
          .put("rel", "next")
          .put("href", self + "?limit=" + limit + "&offset=" + (offset + limit));
    }
    links
        .addObject()
        .put("rel", "self")
        .put("href", self + "?limit=" + limit + "&offset=" + offset);
    body.put("count", count).put("hasMore", hasMore);
    ArrayNode items = body.putArray("items");
    for (int i = 0; i < count; i++) {
      ObjectNode item = items.addObject();
      item.putArray("links");
      item.setAll(result.rows().get(i));
    }
    return body.put("offset", offset).put("totalResults", result.total());
  }

  /** The raw query parameters of a request URI. */
  static Map<String, String> parameters(String query) {
    Map<String, String> parameters = new HashMap<>();
    if (query != null) {
      for (String pair : query.split("&")) {
        String[] nameValue = pair.split("=", 2);
        parameters.put(nameValue[0], nameValue.length > 1 ? nameValue[1] : "");
      }
    }
    return parameters;
  }

  private static int number(String text, int fallback) {
    try {
      return text == null ? fallback : Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
