package io.millflow.connector.plex;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.connector.plex.protocol.PlexResource;
import java.util.List;
import java.util.Map;

/**
 * The Plex Connect REST resources Millflow reads, one method per call. Plex has no paging: a list
 * call returns every match at once, so callers bound a response by narrowing the filter (a
 * modified-date window).
 *
 * <p>Every method fails with the step error model: {@link io.millflow.step.ReauthRequiredException}
 * when Plex rejects the key, {@link io.millflow.step.RetryableStepException} for 429, 5xx, network
 * errors and timeouts (with Plex's {@code Retry-After}), and {@link io.millflow.step.StepFailure}
 * ({@code PLEX_BAD_REQUEST}, {@code PLEX_NOT_FOUND}, ...) for requests Plex refuses. Each message
 * names the call and its request id, never the key.
 */
public interface PlexClient {

  /**
   * {@code GET /purchasing/v1/purchase-orders}: the orders matching the filter, as Plex sends them.
   */
  List<ObjectNode> purchaseOrders(PurchaseOrderFilter filter);

  /**
   * {@code GET /purchasing/v1/purchase-orders/{poId}/line-items}. Empty when the order has none;
   * Plex's 404 ("no data") counts as none, see {@link PlexGuesses#LINE_ITEMS_404_MEANS_NONE}.
   */
  List<ObjectNode> purchaseOrderLineItems(String purchaseOrderId);

  /**
   * {@code GET /purchasing/v2-beta1/releases} with Plex's filters ({@code pOId} repeated for
   * several orders, {@code modifiedDateBegin}/{@code modifiedDateEnd}, ...): every matching
   * release.
   */
  List<ObjectNode> releases(List<Map.Entry<String, String>> query);

  /**
   * {@code GET} of a master-data list resource ({@code /mdm/v1/suppliers}, ...) with Plex's query
   * parameters, a parameter repeated for several values: every matching record, as Plex sends them.
   */
  List<ObjectNode> records(PlexResource resource, List<Map.Entry<String, String>> query);

  /** {@code GET /mdm/v1/tenants}: the cheapest call that proves the key and tenant work. */
  List<ObjectNode> tenants();
}
