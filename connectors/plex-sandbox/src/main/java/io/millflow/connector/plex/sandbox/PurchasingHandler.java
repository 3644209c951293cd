package io.millflow.connector.plex.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.millflow.connector.plex.sandbox.PurchaseOrderSearch.InvalidSearch;
import io.millflow.sandbox.SandboxJson;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * {@code /purchasing/v1/purchase-orders}, {@code .../{poId}} and {@code .../{poId}/line-items}.
 * Lists come oldest modification first; Plex promises no order, so clients must not rely on one.
 */
final class PurchasingHandler implements HttpHandler {

  static final String PATH = "/purchasing/v1/purchase-orders";

  private final PurchaseOrderData data;

  PurchasingHandler(PurchaseOrderData data) {
    this.data = data;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String rest = exchange.getRequestURI().getPath().substring(PATH.length());
    if (!rest.isEmpty() && !rest.startsWith("/")) { // the context also matches /purchase-ordersX
      PlexErrorShape.PLEX.write(exchange, 404, null, List.of());
      return;
    }
    String[] segments =
        rest.isEmpty() || rest.equals("/") ? new String[0] : rest.substring(1).split("/");
    QueryParameters query = QueryParameters.parse(exchange.getRequestURI().getRawQuery());
    if (segments.length == 0) {
      list(exchange, query);
    } else if (segments.length == 1) {
      one(exchange, segments[0]);
    } else if (segments.length == 2 && segments[1].equals("line-items")) {
      lineItems(exchange, segments[0], query);
    } else {
      PlexErrorShape.PLEX.write(exchange, 404, null, List.of());
    }
  }

  private void list(HttpExchange exchange, QueryParameters query) throws IOException {
    PurchaseOrderSearch search;
    try {
      search = PurchaseOrderSearch.parse(query);
    } catch (InvalidSearch e) {
      PlexErrorShape.PLEX.write(exchange, 400, "The request is invalid.", e.errors());
      return;
    }
    IntStream candidates =
        search.ids().isEmpty()
            ? data.modifiedBetween(search.modifiedBegin(), search.modifiedEnd())
            : search.ids().stream()
                .mapToInt(data::indexOf)
                .filter(index -> index >= 0)
                .sorted()
                .filter(index -> within(index, search));
    Stream<JsonNode> orders =
        candidates.mapToObj(data::order).map(JsonNode.class::cast).filter(search.matches());
    SandboxJson.array(exchange, orders);
  }

  private boolean within(int index, PurchaseOrderSearch search) {
    var modified = data.modified(index);
    return (search.modifiedBegin() == null || !modified.isBefore(search.modifiedBegin()))
        && (search.modifiedEnd() == null || modified.isBefore(search.modifiedEnd()));
  }

  private void one(HttpExchange exchange, String poId) throws IOException {
    int index = data.indexOf(poId);
    if (index < 0) {
      notFound(exchange, poId);
    } else {
      SandboxJson.write(exchange, 200, data.order(index));
    }
  }

  private void lineItems(HttpExchange exchange, String poId, QueryParameters query)
      throws IOException {
    int index = data.indexOf(poId);
    if (index < 0) {
      notFound(exchange, poId);
      return;
    }
    Stream<JsonNode> items = StreamSupport.stream(data.lineItems(index).spliterator(), false);
    for (String field : List.of("lineItemNumber", "status", "itemId", "partId")) {
      String wanted = query.first(field).orElse(null);
      if (wanted != null) {
        items = items.filter(item -> Objects.equals(wanted, item.path(field).asText()));
      }
    }
    SandboxJson.array(exchange, items);
  }

  private static void notFound(HttpExchange exchange, String poId) throws IOException {
    PlexErrorShape.PLEX.write(
        exchange, 404, "No purchase order with id '" + poId + "' was found.", List.of());
  }
}
