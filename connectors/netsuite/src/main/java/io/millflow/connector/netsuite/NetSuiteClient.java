package io.millflow.connector.netsuite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

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

  /** One page of a SuiteQL answer: its rows (lower-case column names) and the paging envelope. */
  record SuiteQlPage(List<ObjectNode> items, boolean hasMore, int offset, int totalResults) {}
}
