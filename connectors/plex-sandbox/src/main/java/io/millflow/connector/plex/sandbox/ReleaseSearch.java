package io.millflow.connector.plex.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.plex.protocol.PlexTimestamps;
import io.millflow.connector.plex.sandbox.PlexErrorShape.ErrorDetail;
import io.millflow.connector.plex.sandbox.PurchaseOrderSearch.InvalidSearch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The filters of {@code GET /purchasing/v2-beta1/releases} the sandbox applies, by their published
 * names: {@code id}, {@code pOId}, {@code supplierId} and {@code status} (each repeatable), {@code
 * pOLineItemId}, and {@code modifiedDateBegin}/{@code modifiedDateEnd} as a half-open window.
 */
record ReleaseSearch(
    Set<String> ids,
    Set<String> orderIds,
    Set<String> supplierIds,
    Set<String> statuses,
    String lineItemId,
    Instant modifiedBegin,
    Instant modifiedEnd) {

  static ReleaseSearch parse(QueryParameters query) throws InvalidSearch {
    List<ErrorDetail> errors = new ArrayList<>();
    ReleaseSearch search =
        new ReleaseSearch(
            Set.copyOf(query.all("id")),
            Set.copyOf(query.all("pOId")),
            Set.copyOf(query.all("supplierId")),
            Set.copyOf(query.all("status")),
            query.first("pOLineItemId").orElse(null),
            PurchaseOrderSearch.timestamp(query, "modifiedDateBegin", errors),
            PurchaseOrderSearch.timestamp(query, "modifiedDateEnd", errors));
    if (!errors.isEmpty()) {
      throw new InvalidSearch(errors);
    }
    return search;
  }

  boolean matches(JsonNode release) {
    Instant modified = PlexTimestamps.parseStrict(release.get("modifiedDate").asText());
    return anyOf(ids, release, "id")
        && anyOf(orderIds, release, "poId")
        && anyOf(supplierIds, release, "supplierId")
        && anyOf(statuses, release, "status")
        && (lineItemId == null || lineItemId.equals(release.path("poLineItemId").asText()))
        && (modifiedBegin == null || !modified.isBefore(modifiedBegin))
        && (modifiedEnd == null || modified.isBefore(modifiedEnd));
  }

  private static boolean anyOf(Set<String> wanted, JsonNode release, String field) {
    return wanted.isEmpty() || wanted.contains(release.path(field).asText());
  }
}
