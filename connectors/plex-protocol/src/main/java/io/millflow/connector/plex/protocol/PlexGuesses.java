package io.millflow.connector.plex.protocol;

import java.util.Locale;

/**
 * What we assume about Plex Connect without the vendor's documentation confirming it (SYSTEMS.md
 * marks these "(guess)"). The client, the mapper and the sandbox all take these facts from here, so
 * correcting one is a one-line change. Everything else in this module follows the documented API.
 */
public final class PlexGuesses {

  /**
   * (guess) The ordered quantity of a purchase-order line item. The documented field list of {@code
   * /purchasing/v1/purchase-orders/{poId}/line-items} has no quantity, yet a line item must have
   * one.
   */
  public static final String LINE_ITEM_QUANTITY_FIELD = "quantity";

  /** (guess) The error code of a 429 (usage limiting); Plex documents the status, not the code. */
  public static final String RATE_LIMITED_CODE = "REQUEST_LIMIT_EXCEEDED";

  /**
   * (guess) The error code of a 403 that means the key's usage quota is used up, not that access is
   * denied.
   */
  public static final String QUOTA_EXCEEDED_CODE = "USAGE_QUOTA_EXCEEDED";

  /** (guess) The error code of a 403 that means the key may not use this resource or tenant. */
  public static final String FORBIDDEN_CODE = "REQUEST_NOT_AUTHORIZED";

  /** (guess) The error code of a 404. */
  public static final String NOT_FOUND_CODE = "RESOURCE_NOT_FOUND";

  /**
   * (guess) Plex answers 404 for "no data" as well as for a wrong URL. For the line items of an
   * order we read that as "no line items" (the order may also have been deleted since it was
   * listed); list endpoints answer {@code []} when nothing matches, so a 404 there means a wrong
   * URL and stays an error.
   */
  public static final boolean LINE_ITEMS_404_MEANS_NONE = true;

  /**
   * (guess) Whether {@code modifiedDateEnd} is exclusive. Plex does not say. We read half-open
   * windows {@code [begin, end)} and the sandbox implements them so; should the real end be
   * inclusive, an order modified exactly at a window boundary comes back twice, and the read step's
   * de-duplication by id absorbs that.
   */
  public static final boolean MODIFIED_DATE_END_EXCLUSIVE = true;

  /**
   * (guess) The container field Plex's {@code lotId} filter selects on. Containers carry a {@code
   * lotNo} but no lot id; the sandbox matches {@code lotId} against {@code lotNo}.
   */
  public static final String CONTAINER_LOT_ID_FIELD = "lotNo";

  /**
   * (guess) The job field Plex's {@code buildingId} filter selects on. Jobs carry a {@code
   * buildingCode} but no building id; the sandbox matches {@code buildingId} against {@code
   * buildingCode}.
   */
  public static final String JOB_BUILDING_ID_FIELD = "buildingCode";

  /**
   * (guess) A container's {@code quantityInventoryUnit} is the unit of its {@code quantity} ({@code
   * "kg"}), not the quantity converted to the part's inventory unit. The container mapper reads it
   * as the unit of measure.
   */
  public static final boolean CONTAINER_QUANTITY_INVENTORY_UNIT_IS_A_UNIT = true;

  /**
   * (guess) The Data Source API answers a wrong user name or password with 401; only an account
   * that is valid but not granted a data source gets {@code DATA_SOURCE_ACCESS_DENIED}. The
   * documentation names the code, not the statuses.
   */
  public static final int DATA_SOURCE_BAD_CREDENTIALS_STATUS = 401;

  /** (guess) The status of {@code DATA_SOURCE_ACCESS_DENIED}. */
  public static final int DATA_SOURCE_ACCESS_DENIED_STATUS = 403;

  /**
   * (guess) The shape of {@code GET /api/datasources/{id}}: {@code
   * {"id":..,"name":"..","inputs":[{"name":"Part_No",
   * "type":"string","required":true}],"columns":[{"name":"Part_Key","type":"int"}]}}, with input
   * types {@code string}, {@code int}, {@code decimal}, {@code boolean} and {@code datetime}.
   */
  public static final String DATA_SOURCE_INPUTS_FIELD = "inputs";

  /**
   * (guess) The Data Source API checks the account before it looks up the data source, so
   * describing a data source that cannot exist proves the credentials: 401 for a bad account,
   * {@code DATA_SOURCE_NOT_FOUND} for a good one. The connection test relies on it; Plex has no
   * "who am I" call there.
   */
  public static final String DATA_SOURCE_PROBE_ID = "0";

  private PlexGuesses() {}

  /**
   * (guess) Tells a 403 for a used-up usage quota (retry later) from a 403 for denied access (fix
   * the key).
   */
  public static boolean isQuotaError(String code, String message) {
    String text =
        ((code == null ? "" : code) + " " + (message == null ? "" : message))
            .toUpperCase(Locale.ROOT);
    return text.contains("QUOTA") || text.contains("LIMIT");
  }
}
