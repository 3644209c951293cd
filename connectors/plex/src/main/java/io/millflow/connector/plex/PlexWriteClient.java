package io.millflow.connector.plex;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Plex Connect calls Millflow writes through, as Plex publishes them. A refusal of one record
 * (400 with Plex's {@code errors}, or 404 for an unknown id) is an answer, {@link Refused}, so a
 * write step can list it and go on; everything else fails as {@link PlexClient}'s calls do
 * (retryable for 429 and 5xx with Plex's {@code Retry-After}, reauth for a rejected key).
 */
public interface PlexWriteClient {

  /** What Plex answered a write. */
  sealed interface WriteAnswer permits Written, Refused {}

  /** Accepted; {@code record} is Plex's answer body (empty for a cancel, which answers none). */
  record Written(ObjectNode record) implements WriteAnswer {}

  /** Refused: the first of Plex's error codes (the detail's, else the body's) and its messages. */
  record Refused(int status, String code, String message) implements WriteAnswer {}

  /** {@code GET /purchasing/v2-beta1/releases/{id}}; empty for Plex's 404. */
  Optional<ObjectNode> release(String id);

  /** {@code POST /purchasing/v2-beta1/releases}. */
  WriteAnswer createRelease(ObjectNode body);

  /** {@code PUT /purchasing/v2-beta1/releases/{id}}. */
  WriteAnswer updateRelease(String id, ObjectNode body);

  /** {@code POST /purchasing/v1/releases/{id}/cancel} with {@code {"status": status}}. */
  WriteAnswer cancelRelease(String id, String status);

  /** {@code GET /inventory/v1/inventory-receiving/receipts} with Plex's filters. */
  List<ObjectNode> receipts(List<Map.Entry<String, String>> query);

  /** {@code POST /inventory/v1/inventory-receiving/receipts}. */
  WriteAnswer createReceipt(ObjectNode body);

  /** {@code GET /mdm/v1/suppliers/{id}}; empty for Plex's 404. */
  Optional<ObjectNode> supplier(String id);

  /** {@code GET /mdm/v1/suppliers} with Plex's filters (e.g. {@code code}). */
  List<ObjectNode> suppliers(List<Map.Entry<String, String>> query);

  /** {@code POST /mdm/v1/suppliers}. */
  WriteAnswer createSupplier(ObjectNode body);

  /** {@code PUT /mdm/v1/suppliers/{id}}. */
  WriteAnswer updateSupplier(String id, ObjectNode body);

  /** {@code GET /mdm/v1/parts/{id}}; empty for Plex's 404. */
  Optional<ObjectNode> part(String id);

  /** {@code GET /production/v1/production-definitions/workcenters/{id}}; empty for Plex's 404. */
  Optional<ObjectNode> workcenter(String id);

  /**
   * {@code POST /production/v1/control/workcenters/{workcenterId}/record-batch-production}; an
   * unknown workcenter is Plex's 404, a {@link Refused}.
   */
  WriteAnswer recordBatchProduction(String workcenterId, ObjectNode body);
}
