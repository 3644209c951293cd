package io.millflow.connector.plex.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.millflow.connector.plex.protocol.PlexGuesses;
import io.millflow.connector.plex.sandbox.DataSourceCatalog.DataSource;
import io.millflow.connector.plex.sandbox.DataSourceCatalog.Input;
import io.millflow.sandbox.Faults;
import io.millflow.sandbox.SandboxJson;
import io.millflow.step.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Plex's legacy Data Source API: {@code GET /api/datasources/{id}} (inputs and columns) and {@code
 * POST /api/datasources/{id}/execute} with {@code {"inputs":{...}}}, Basic auth of the web-service
 * account. Rows come as arrays, or as objects with {@code ?format=2}; at most {@link
 * DataSourceCatalog#ROW_LIMIT} of them, with {@code rowLimitedExceeded} set when there were more.
 * Input names are case-sensitive; unknown ones are ignored.
 */
final class DataSourceHandler implements HttpHandler {

  static final String PATH = "/api/datasources";
  private static final AtomicLong TRANSACTIONS = new AtomicLong(1_234_567_890L);

  private final DataSourceCatalog catalog;
  private final PlexSandboxConfig.DataSourceAccount account;
  private final Faults faults;

  DataSourceHandler(
      DataSourceCatalog catalog, PlexSandboxConfig.DataSourceAccount account, Faults faults) {
    this.catalog = catalog;
    this.account = account;
    this.faults = faults;
  }

  static String transactionNo() {
    return Long.toString(TRANSACTIONS.incrementAndGet());
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String[] segments =
        exchange
            .getRequestURI()
            .getPath()
            .substring(PATH.length())
            .replaceFirst("^/", "")
            .split("/");
    boolean execute = segments.length == 2 && segments[1].equals("execute");
    if (segments[0].isEmpty() || segments.length > 2 || segments.length == 2 && !execute) {
      error(
          exchange,
          404,
          "DATA_SOURCE_NOT_FOUND",
          "No data source at " + exchange.getRequestURI().getPath() + ".");
      return;
    }
    if (faults.credentialsRevoked() || !authenticated(exchange)) {
      error(
          exchange,
          PlexGuesses.DATA_SOURCE_BAD_CREDENTIALS_STATUS,
          "REQUEST_NOT_AUTHENTICATED",
          "The user name or password is not valid.");
      return;
    }
    Optional<DataSource> source = catalog.find(segments[0]);
    if (source.isEmpty()) {
      error(
          exchange, 404, "DATA_SOURCE_NOT_FOUND", "Data source " + segments[0] + " was not found.");
    } else if (!source.get().accessible()) {
      error(
          exchange,
          PlexGuesses.DATA_SOURCE_ACCESS_DENIED_STATUS,
          "DATA_SOURCE_ACCESS_DENIED",
          "Access to data source " + segments[0] + " is denied for this account.");
    } else if (!execute && exchange.getRequestMethod().equals("GET")) {
      SandboxJson.write(exchange, 200, metadata(source.get()));
    } else if (execute && exchange.getRequestMethod().equals("POST")) {
      execute(exchange, source.get());
    } else {
      error(
          exchange,
          405,
          "METHOD_NOT_ALLOWED",
          "Use GET for a data source's description, POST to execute it.");
    }
  }

  private void execute(HttpExchange exchange, DataSource source) throws IOException {
    JsonNode given =
        SandboxJson.read(exchange)
            .map(body -> body.path("inputs"))
            .orElse(Json.mapper().missingNode());
    Map<String, Object> inputs = new HashMap<>();
    for (Input input : source.inputs()) {
      JsonNode value = given.get(input.name());
      if (value == null || value.isNull()) {
        if (input.required()) {
          error(
              exchange,
              400,
              "DATA_SOURCE_INPUT_REQUIRED",
              "Input '" + input.name() + "' is required.");
          return;
        }
        continue;
      }
      Object typed = typed(input.type(), value);
      if (typed == null) {
        error(
            exchange,
            400,
            "DATA_SOURCE_INPUT_TYPE_MISMATCH",
            "Input '"
                + input.name()
                + "' must be of type "
                + input.type()
                + "; "
                + value
                + " is not.");
        return;
      }
      inputs.put(input.name(), typed);
    }
    List<List<Object>> rows = catalog.rows(source, inputs);
    boolean objects =
        QueryParameters.parse(exchange.getRequestURI().getRawQuery())
            .first("format")
            .filter("2"::equals)
            .isPresent();
    SandboxJson.write(exchange, 200, answer(source, rows, objects));
  }

  private static ObjectNode answer(DataSource source, List<List<Object>> rows, boolean objects) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.putObject("outputs");
    ObjectNode table = body.putArray("tables").addObject();
    source.columns().forEach(table.putArray("columns")::add);
    ArrayNode out = table.putArray("rows");
    for (List<Object> row : rows.subList(0, Math.min(rows.size(), DataSourceCatalog.ROW_LIMIT))) {
      if (objects) {
        ObjectNode object = out.addObject();
        for (int i = 0; i < row.size(); i++) {
          object.set(source.columns().get(i), Json.mapper().valueToTree(row.get(i)));
        }
      } else {
        ArrayNode array = out.addArray();
        row.forEach(value -> array.add(Json.mapper().<JsonNode>valueToTree(value)));
      }
    }
    body.put("rowLimitedExceeded", rows.size() > DataSourceCatalog.ROW_LIMIT);
    body.put("transactionNo", transactionNo());
    return body;
  }

  private static JsonNode metadata(DataSource source) {
    ObjectNode body =
        Json.mapper().createObjectNode().put("id", source.id()).put("name", source.name());
    ArrayNode inputs = body.putArray(PlexGuesses.DATA_SOURCE_INPUTS_FIELD);
    source
        .inputs()
        .forEach(
            input ->
                inputs
                    .addObject()
                    .put("name", input.name())
                    .put("type", input.type())
                    .put("required", input.required()));
    ArrayNode columns = body.putArray("columns");
    source.columns().forEach(column -> columns.addObject().put("name", column));
    return body;
  }

  /**
   * The value as the input's type, or null when it is not one; numbers in strings pass, as Plex
   * coerces them.
   */
  private static Object typed(String type, JsonNode value) {
    String text = value.asText();
    return switch (type) {
      case "int" ->
          value.isIntegralNumber()
              ? Integer.valueOf(value.intValue())
              : value.isTextual() && text.matches("-?\\d{1,9}") ? Integer.valueOf(text) : null;
      case "boolean" ->
          value.isBoolean()
              ? Boolean.valueOf(value.booleanValue())
              : text.equals("true") || text.equals("false") ? Boolean.valueOf(text) : null;
      default -> value.isValueNode() ? text : null;
    };
  }

  private boolean authenticated(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    String expected = account.username() + ":" + account.password();
    try {
      String given =
          new String(
              Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
      return ApiGate.secretMatches(given, expected);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static void error(HttpExchange exchange, int status, String code, String message)
      throws IOException {
    PlexErrorShape.PLEX.dataSourceError(exchange, status, code, message);
  }
}
