package io.millflow.connector.plex.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.millflow.connector.plex.protocol.PlexResource;
import io.millflow.connector.plex.protocol.PlexResource.Filter;
import io.millflow.connector.plex.protocol.PlexTimestamps;
import io.millflow.connector.plex.sandbox.PlexErrorShape.ErrorDetail;
import io.millflow.sandbox.SandboxJson;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A master-data list resource ({@code /mdm/v1/suppliers}, ...): every record as a bare array,
 * narrowed by the resource's filters. Equality filters may repeat and match any of their values;
 * date filters take a full UTC timestamp, begin inclusive, end exclusive. Parameters the resource
 * does not list are ignored, as Plex ignores them.
 */
final class RecordsHandler implements HttpHandler {

  /**
   * The resources whose description publishes {@code GET {path}/{id}} (Get Part), served here by id
   * too: a write's dry run reads the part a record names.
   */
  private static final Set<PlexResource> BY_ID = Set.of(PlexResource.PARTS);

  private final PlexResource resource;
  private final Supplier<Stream<ObjectNode>> records;
  private final ResourceData data;

  RecordsHandler(PlexResource resource, ResourceData data) {
    this(resource, data::all, BY_ID.contains(resource) ? data : null);
  }

  /** Over records that writes change (suppliers). */
  RecordsHandler(PlexResource resource, Supplier<Stream<ObjectNode>> records) {
    this(resource, records, null);
  }

  private RecordsHandler(
      PlexResource resource, Supplier<Stream<ObjectNode>> records, ResourceData data) {
    this.resource = resource;
    this.records = records;
    this.data = data;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String rest = exchange.getRequestURI().getPath().substring(resource.path().length());
    if (data != null && rest.matches("/[^/]+")) {
      one(exchange, rest.substring(1));
      return;
    }
    if (!rest.isEmpty() && !rest.equals("/")) {
      PlexErrorShape.PLEX.write(exchange, 404, null, List.of());
      return;
    }
    QueryParameters query = QueryParameters.parse(exchange.getRequestURI().getRawQuery());
    List<ErrorDetail> errors = new ArrayList<>();
    Predicate<JsonNode> matches = record -> true;
    for (Filter filter : resource.filters()) {
      matches = matches.and(matcher(filter, query, errors));
    }
    if (!errors.isEmpty()) {
      PlexErrorShape.PLEX.write(exchange, 400, "The request is invalid.", errors);
      return;
    }
    SandboxJson.array(exchange, records.get().filter(matches));
  }

  private void one(HttpExchange exchange, String id) throws IOException {
    int index = data.indexOf(id);
    if (index < 0) {
      PlexErrorShape.PLEX.write(
          exchange, 404, "No record with id '" + id + "' in " + resource.path() + ".", List.of());
      return;
    }
    SandboxJson.write(exchange, 200, data.record(index));
  }

  private static Predicate<JsonNode> matcher(
      Filter filter, QueryParameters query, List<ErrorDetail> errors) {
    if (!filter.isDate()) {
      List<String> wanted =
          query.all(filter.parameter()).stream().filter(value -> !value.isBlank()).toList();
      return wanted.isEmpty()
          ? record -> true
          : record ->
              wanted.stream()
                  .anyMatch(value -> value.equalsIgnoreCase(record.path(filter.field()).asText()));
    }
    Instant bound = PurchaseOrderSearch.timestamp(query, filter.parameter(), errors);
    if (bound == null) {
      return record -> true;
    }
    return record -> {
      String value = record.path(filter.field()).asText(null);
      if (value == null) {
        return false;
      }
      Instant instant = PlexTimestamps.parseLenient(value);
      return filter.match() == Filter.Match.FROM
          ? !instant.isBefore(bound)
          : instant.isBefore(bound);
    };
  }
}
