package io.millflow.connector.idhammar;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Idhammar OEE REST resources Millflow reads (Millflow's defined interface; Idhammar publishes
 * none), one method per list. Every list pages with {@code limit} and the opaque {@code cursor} of
 * the previous page's {@code next}.
 *
 * <p>Every method fails with the step error model: {@link io.millflow.step.ReauthRequiredException}
 * when the token is rejected (401, 403), {@link io.millflow.step.RetryableStepException} for 429,
 * 5xx, network errors and timeouts (with {@code Retry-After}), and {@link
 * io.millflow.step.StepFailure} ({@code IDHAMMAR_BAD_REQUEST}, {@code IDHAMMAR_NOT_FOUND}, ...) for
 * requests it refuses. Each message names the call and its request id, never the token.
 */
public interface IdhammarClient {

  /** {@code GET /api/v1/sites}: the cheapest call, which proves the URL and token. */
  IdhammarPage sites(int limit, String cursor);

  /** {@code GET /api/v1/machines}: lines and machines, of one site when {@code siteId} is set. */
  IdhammarPage machines(String siteId, int limit, String cursor);

  /**
   * {@code GET /api/v1/downtime-events}: by {@code (updatedAt, id)}, updated in {@code [since,
   * until)}.
   */
  IdhammarPage downtimeEvents(DowntimeQuery query, String cursor);

  /**
   * {@code GET /api/v1/production-counts}: per machine and ended period within {@code [from, to)}.
   */
  IdhammarPage productionCounts(PeriodQuery query, String cursor);

  /**
   * {@code GET /api/v1/oee}: availability, performance, quality and OEE per machine and ended
   * period.
   */
  IdhammarPage oee(PeriodQuery query, String cursor);

  /** Filters of the downtime list; null means "any". */
  record DowntimeQuery(
      Instant updatedSince, Instant updatedUntil, String machineId, String siteId, int limit) {

    Map<String, String> parameters() {
      return query(
          "updatedSince",
          updatedSince,
          "updatedUntil",
          updatedUntil,
          "machineId",
          machineId,
          "siteId",
          siteId,
          "limit",
          limit);
    }
  }

  /**
   * Filters of the period lists; {@code granularity} is {@code hour}, {@code shift} or (OEE only)
   * {@code day}.
   */
  record PeriodQuery(
      Instant from, Instant to, String granularity, String machineId, String siteId, int limit) {

    Map<String, String> parameters() {
      return query(
          "from",
          from,
          "to",
          to,
          "granularity",
          granularity,
          "machineId",
          machineId,
          "siteId",
          siteId,
          "limit",
          limit);
    }
  }

  /** Query parameters from name, value pairs; null values are left out. */
  private static Map<String, String> query(Object... namesAndValues) {
    Map<String, String> query = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] != null) {
        query.put((String) namesAndValues[i], namesAndValues[i + 1].toString());
      }
    }
    return query;
  }
}
