package io.millflow.connector.netsuite.protocol;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What we assume about NetSuite without Oracle's documentation confirming it (SYSTEMS.md marks
 * these "(guess)", or says nothing). The client, the mappers and the sandbox all take these facts
 * from here, so correcting one is a one-line change. Everything else in this module follows the
 * documented API.
 */
public final class NetSuiteGuesses {

  /**
   * (guess) The HTTP status of a request over the account's concurrency limit; Oracle documents the
   * code only.
   */
  public static final int CONCURRENCY_LIMIT_STATUS = 429;

  public static final String CONCURRENCY_LIMIT_CODE = "CONCURRENCY_LIMIT_EXCEEDED";

  /**
   * (guess) How a SuiteQL datetime is written so it can be compared and read back exactly. SuiteQL
   * returns dates in the user's date format without the time, so the connector asks for {@code
   * TO_CHAR(col, '...')} and writes bounds with {@code TO_TIMESTAMP('...', '...')}, both in this
   * Oracle format, interpreted in the account's time zone (the connection's {@code timeZone}
   * setting, UTC unless told otherwise).
   */
  public static final String DATETIME_FORMAT = "YYYY-MM-DD HH24:MI:SS";

  /** The {@link java.time.format.DateTimeFormatter} pattern of {@link #DATETIME_FORMAT}. */
  public static final String DATETIME_PATTERN = "uuuu-MM-dd HH:mm:ss";

  /** The Oracle format of date-only columns (trandate, duedate, expectedreceiptdate). */
  public static final String DATE_FORMAT = "YYYY-MM-DD";

  /**
   * (guess) The token endpoint answers a refused client assertion in OAuth 2.0's shape, {@code
   * {"error":"invalid_grant", "error_description":"..."}}; the real one may leave the description
   * out (the reason is then only in the account's Login Audit Trail). The tester reads these words
   * in the description when they are there.
   */
  public static final String UNKNOWN_CERTIFICATE_WORDS = "certificate id";

  public static final String BAD_SIGNATURE_WORDS = "signature";

  public static final String CLOCK_WORDS = "iat";

  /** (guess) The {@code o:errorCode} of a SuiteQL offset past the result ceiling. */
  public static final String RESULT_CEILING_CODE = "INVALID_PARAMETER";

  /** (guess) SuiteQL's table of vendors and its columns. */
  public static final String VENDOR_TABLE = "vendor";

  /**
   * (guess) Inventory items are rows of SuiteQL's {@code item} table with this {@code itemtype}.
   */
  public static final String INVENTORY_ITEM_TYPE = "InvtPart";

  /** (guess) Purchase orders are rows of {@code transaction} with this {@code type}. */
  public static final String PURCHASE_ORDER_TYPE = "PurchOrd";

  /**
   * (guess) The HTTP status of a write NetSuite refuses for its content (a missing required field,
   * an unknown reference, a duplicate entity id); the codes are documented, the status is not.
   */
  public static final int WRITE_REFUSED_STATUS = 400;

  /**
   * (guess) The fields a create must give, by record type: a vendor its {@code companyName}, an
   * inventory item its {@code itemId}, a purchase order its {@code entity} (the vendor). NetSuite's
   * forms decide this per account; these are the defaults the sandbox enforces and a dry run
   * checks.
   */
  public static final Map<String, List<String>> REQUIRED_ON_CREATE =
      Map.of(
          "vendor", List.of("companyName"),
          "inventoryItem", List.of("itemId"),
          "purchaseOrder", List.of("entity"));

  /**
   * (guess) The vendor field that must be unique, refused with {@code UNIQUE_CUST_ID_REQD} when
   * another vendor holds it. The code is NetSuite's; which field it guards for vendors is assumed.
   */
  public static final String UNIQUE_VENDOR_FIELD = "entityId";

  /**
   * (guess) An upsert ({@code PUT .../eid:...}) answers as a create does: 204 with the record's URL
   * in {@code Location}, whether it created or updated. Oracle documents the answer of a create
   * only.
   */
  public static final int UPSERT_STATUS = 204;

  /**
   * (guess) The {@code progress} of an async task that failed; Oracle's examples show {@code
   * pending} and {@code succeeded} only. The result of a failed write task ({@code
   * .../task/{id}/result}) is taken to be NetSuite's error body, as the synchronous call would have
   * answered; a succeeded write's result is the record, as the documented example shows.
   */
  public static final String TASK_FAILED = "failed";

  /**
   * (guess) {@code GET async/v1/job/{id}/task} lists the job's tasks as a collection {@code
   * {"items":[{"id","links"}],"count","hasMore","offset","totalResults"}}, like other REST lists.
   */
  public static final String TASK_LIST_ITEMS = "items";

  /**
   * (guess) The field of an item receipt's line that names the purchase-order line it receives
   * ({@code item.items[].orderLine}, with {@code quantity}); Oracle's REST pages document the
   * transform, not the receipt's line fields.
   */
  public static final String RECEIPT_LINE_FIELD = "orderLine";

  /**
   * (guess) A purchase order's {@code item} sublist is keyed by {@code line}: a {@code PATCH} line
   * carrying {@code line} updates that line (and, with {@code ?replace=item}, lines not sent are
   * removed), a line without it is added. Oracle documents keyed sublists, not which field keys
   * this one; the line number is the one the read gives ({@code item.items[].line}).
   */
  public static final String ORDER_LINE_KEY = "line";

  /**
   * (guess) A purchase order line's received quantity as the record gives it ({@code
   * item.items[].quantityReceived}), which a receipt raises.
   */
  public static final String ORDER_LINE_RECEIVED = "quantityReceived";

  /**
   * (guess) The item sublist of a transform's request replaces the one NetSuite pre-fills from the
   * order (all open lines, in full) when the request says {@code ?replace=item}; without it the
   * lines sent only change the pre-filled ones, so the rest of the order would be received too.
   */
  public static final String RECEIPT_REPLACED_SUBLIST = "item";

  private NetSuiteGuesses() {}

  /** The host label of an account id: {@code 1234567_SB1} is {@code 1234567-sb1}. */
  public static String hostLabel(String accountId) {
    return accountId.strip().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The OAuth 1.0a realm of an account id: {@code 1234567-sb1} is {@code 1234567_SB1}. */
  public static String realm(String accountId) {
    return accountId.strip().toUpperCase(Locale.ROOT).replace('-', '_');
  }
}
