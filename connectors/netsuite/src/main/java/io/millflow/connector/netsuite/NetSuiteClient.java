package io.millflow.connector.netsuite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * The SuiteTalk REST calls Millflow makes, one method per call. Every method fails with the step
 * error model: {@link io.millflow.step.ReauthRequiredException} when NetSuite rejects the
 * credentials (after one token renewal) or lacks a permission, {@link
 * io.millflow.step.RetryableStepException} for the concurrency limit (once the client's own
 * back-off is spent), 5xx, network errors and timeouts, and {@link io.millflow.step.StepFailure}
 * ({@code NETSUITE_BAD_REQUEST}, {@code NETSUITE_NOT_FOUND}) for requests NetSuite refuses.
 * Messages name the call and its request id, never a credential.
 */
public interface NetSuiteClient {

  /** {@code POST /services/rest/query/v1/suiteql?limit=&offset=} with {@code Prefer: transient}. */
  SuiteQlPage suiteQl(String query, int limit, int offset);

  /**
   * {@code GET /services/rest/record/v1/{type}/{id}}, with sublists inlined when {@code
   * expandSubResources}.
   */
  ObjectNode record(String type, String id, boolean expandSubResources);

  /**
   * {@code GET /services/rest/record/v1/{type}/eid:{externalId}}: the record with that external id,
   * empty when NetSuite has none.
   */
  default Optional<ObjectNode> recordByExternalId(String type, String externalId) {
    return recordByExternalId(type, externalId, false);
  }

  /** As {@link #recordByExternalId(String, String)}, with sublists inlined when asked. */
  Optional<ObjectNode> recordByExternalId(
      String type, String externalId, boolean expandSubResources);

  /**
   * {@code GET /services/rest/record/v1/{type}/{internalId}}: the record with that internal id,
   * empty when NetSuite has none (unlike {@link #record}, which fails).
   */
  Optional<ObjectNode> recordByInternalId(
      String type, String internalId, boolean expandSubResources);

  /**
   * {@code PUT /services/rest/record/v1/{type}/eid:{externalId}}: creates or updates the record.
   * With an {@code idempotencyKey} the request is asynchronous ({@code Prefer: respond-async}) and
   * the client follows its job to the end; a request repeating the key gets the earlier job, so
   * NetSuite writes once however often it is sent. NetSuite's refusal of the record's content is
   * returned as {@link Refused}, never thrown.
   */
  WriteAnswer upsert(String type, String externalId, ObjectNode body, String idempotencyKey);

  /**
   * {@code POST /services/rest/record/v1/{type}}: creates a record (its {@code externalId} in the
   * body), synchronously or, with an {@code idempotencyKey}, as {@link #upsert} does.
   */
  WriteAnswer create(String type, ObjectNode body, String idempotencyKey);

  /**
   * {@code PATCH /services/rest/record/v1/{type}/eid:{externalId}[?replace={sublist}]}: updates the
   * record with that external id, the fields given and, with {@code replace}, that sublist whole
   * (lines matched by their key updated, the others removed, new ones added). Asynchronous with an
   * {@code idempotencyKey}, as {@link #upsert}; a record that does not exist is {@link Refused}
   * ({@code NONEXISTENT_ID}).
   */
  WriteAnswer update(
      String type, String externalId, ObjectNode body, String replace, String idempotencyKey);

  /**
   * {@code POST /services/rest/record/v1/{type}/eid:{externalId}/!transform/{toType}[?replace=]}: a
   * new record of {@code toType} made from that record, {@code body} giving its fields and lines
   * (with {@code replace}, that sublist is exactly the lines given); {@link Written} carries the
   * new record's internal id. Asynchronous with an {@code idempotencyKey}.
   */
  WriteAnswer transform(
      String type,
      String externalId,
      String toType,
      ObjectNode body,
      String replace,
      String idempotencyKey);

  /**
   * As {@link #transform}, from the record with that internal id ({@code POST
   * .../{type}/{internalId}/!transform/{toType}}): for records NetSuite made itself, which have no
   * external id.
   */
  WriteAnswer transformByInternalId(
      String type,
      String internalId,
      String toType,
      ObjectNode body,
      String replace,
      String idempotencyKey);

  /** What NetSuite did with one record. */
  sealed interface WriteAnswer permits Written, Refused {}

  /** Written: the record's internal id. */
  record Written(String internalId) implements WriteAnswer {}

  /** Refused for its content: NetSuite's status, {@code o:errorCode} and detail. */
  record Refused(int status, String code, String message) implements WriteAnswer {}

  /** One page of a SuiteQL answer: its rows (lower-case column names) and the paging envelope. */
  record SuiteQlPage(List<ObjectNode> items, boolean hasMore, int offset, int totalResults) {}
}
