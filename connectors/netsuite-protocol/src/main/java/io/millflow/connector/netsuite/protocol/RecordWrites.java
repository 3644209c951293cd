package io.millflow.connector.netsuite.protocol;

import java.util.regex.Pattern;

/**
 * What Oracle documents of writing records through SuiteTalk REST, shared by the connector and the
 * sandbox: upsert is {@code PUT record/v1/{type}/eid:{externalId}}; an external id holds letters,
 * digits, {@code _} and {@code -} only; a create answers 204 with the record's URL in {@code
 * Location}; {@code Prefer: respond-async} answers 202 with the job's URL in {@code Location}, and
 * a request repeating an {@code X-NetSuite-Idempotency-Key} is refused with 400 {@code
 * IDEMPOTENCY_ERROR} and the earlier job's {@code Location}. What the documentation leaves open is
 * in {@link NetSuiteGuesses}.
 */
public final class RecordWrites {

  public static final String EXTERNAL_ID_PREFIX = "eid:";
  public static final String PREFER_ASYNC = "respond-async";
  public static final String IDEMPOTENCY_HEADER = "X-NetSuite-Idempotency-Key";
  public static final String IDEMPOTENCY_ERROR = "IDEMPOTENCY_ERROR";
  public static final String ASYNC_JOBS = "/services/rest/async/v1/job/";

  /** Documented error codes of a refused write (the detail texts are guesses). */
  public static final String USER_ERROR = "USER_ERROR";

  public static final String INVALID_KEY_OR_REF = "INVALID_KEY_OR_REF";
  public static final String UNIQUE_CUST_ID_REQD = "UNIQUE_CUST_ID_REQD";
  public static final String NONEXISTENT_ID = "NONEXISTENT_ID";

  /**
   * The query parameter of a write that replaces a sublist whole ({@code ?replace=item}): lines of
   * a keyed sublist that match are updated, the others removed, unmatched ones added.
   */
  public static final String REPLACE_PARAMETER = "replace";

  private static final Pattern EXTERNAL_ID = Pattern.compile("[A-Za-z0-9_-]+");

  private RecordWrites() {}

  /** True when NetSuite accepts {@code value} as an external id in a URL. */
  public static boolean validExternalId(String value) {
    return value != null && EXTERNAL_ID.matcher(value).matches();
  }

  /** {@code eid:V-100}: the URL segment that names a record by external id. */
  public static String byExternalId(String externalId) {
    return EXTERNAL_ID_PREFIX + externalId;
  }
}
