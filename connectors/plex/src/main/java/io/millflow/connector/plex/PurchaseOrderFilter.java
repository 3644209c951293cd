package io.millflow.connector.plex;

import io.millflow.connector.plex.protocol.PlexTimestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Filters of {@code GET /purchasing/v1/purchase-orders}; null means "any". The modified-date range
 * is {@code [modifiedBegin, modifiedEnd)}: begin inclusive, end exclusive (see {@link
 * PlexGuesses#MODIFIED_DATE_END_EXCLUSIVE}).
 */
public record PurchaseOrderFilter(
    List<String> ids,
    String poNumber,
    String status,
    String supplierId,
    Instant modifiedBegin,
    Instant modifiedEnd) {

  public PurchaseOrderFilter {
    ids = ids == null ? List.of() : List.copyOf(ids);
  }

  /** The orders modified in {@code [begin, end)}. */
  public static PurchaseOrderFilter modifiedIn(Instant begin, Instant end) {
    return new PurchaseOrderFilter(List.of(), null, null, null, begin, end);
  }

  /** Query parameters in Plex's names; multi-valued filters repeat ({@code id=a&id=b}). */
  List<Map.Entry<String, String>> queryParameters() {
    List<Map.Entry<String, String>> query = new ArrayList<>();
    ids.forEach(id -> query.add(Map.entry("id", id)));
    add(query, "poNumber", poNumber);
    add(query, "status", status);
    add(query, "supplierId", supplierId);
    add(
        query,
        "modifiedDateBegin",
        modifiedBegin == null ? null : PlexTimestamps.format(modifiedBegin));
    add(query, "modifiedDateEnd", modifiedEnd == null ? null : PlexTimestamps.format(modifiedEnd));
    return query;
  }

  private static void add(List<Map.Entry<String, String>> query, String name, String value) {
    if (value != null) {
      query.add(Map.entry(name, value));
    }
  }
}
