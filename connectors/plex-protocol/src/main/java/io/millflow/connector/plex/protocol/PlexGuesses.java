package io.millflow.connector.plex.protocol;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What we assume about Plex Connect without the vendor's documentation confirming it (SYSTEMS.md
 * marks these "(guess)"). The client, the mapper and the sandbox all take these facts from here, so
 * correcting one is a one-line change. Everything else in this module follows the documented API.
 */
public final class PlexGuesses {

  /**
   * (guess) Release statuses whose quantity is no longer ordered. Plex's published line item has no
   * quantity (only {@code blanketQuantity}); a line's ordered quantity is the sum of its releases'
   * {@code quantity} ({@code GET /purchasing/v2-beta1/releases}) except these. Plex lists its
   * statuses at {@code /purchasing/v1/release-statuses} without naming them in the description.
   */
  public static final Set<String> RELEASE_STATUSES_NOT_ORDERED = Set.of("Canceled", "Cancelled");

  /** (guess) The release statuses whose quantity has arrived: the line's received quantity. */
  public static final Set<String> RELEASE_STATUSES_RECEIVED = Set.of("Received");

  /**
   * (guess) The {@code status} a cancel sends ({@code POST /purchasing/v1/releases/{id}/cancel},
   * body {@code {"status": "..."}}, which the description calls "The Release_Status").
   */
  public static final String RELEASE_CANCELED_STATUS = "Canceled";

  /**
   * (guess) What a release needs to be created. The description marks no field of {@code POST
   * /purchasing/v2-beta1/releases} required; a release without its line, quantity or due date
   * cannot exist in Plex.
   */
  public static final List<String> RELEASE_REQUIRED_ON_CREATE =
      List.of("poLineItemId", "quantity", "dueDate");

  /**
   * (guess) What an inventory receipt needs to be created ({@code POST
   * /inventory/v1/inventory-receiving/receipts} marks nothing required).
   */
  public static final List<String> RECEIPT_REQUIRED_ON_CREATE =
      List.of("externalReceiptCode", "supplierId");

  /**
   * (guess) What a supplier needs to be created. {@code POST /mdm/v1/suppliers} marks no field
   * required; a supplier without its code (unique per tenant, as published) or name cannot exist.
   */
  public static final List<String> SUPPLIER_REQUIRED_ON_CREATE = List.of("code", "name");

  /**
   * (guess) The code of a 400 entry for a supplier {@code code} that another supplier of the tenant
   * has; the description says the code "must be unique in the context of a tenant", not the code.
   */
  public static final String DUPLICATE_CODE_CODE = "DUPLICATE_CODE";

  /**
   * (guess) {@code POST /production/v1/control/workcenters/{id}/record-batch-production} documents
   * only 200 and 404; a body it cannot record (no part, no quantity) is answered like the other
   * writes' 400, with {@code errors: [{code, message}]}.
   */
  public static final boolean PRODUCTION_REFUSAL_IS_400 = true;

  /**
   * (guess) Recording production needs a {@code quantity} above 0 (the description: "Quantity to be
   * depleted from source"); that it needs a {@code partId} or a {@code supplyItemId} is published.
   */
  public static final boolean PRODUCTION_QUANTITY_REQUIRED = true;

  /**
   * (guess) The codes of the entries of a write's 400 ({@code errors: [{code, message}]}); Plex
   * documents the shape, not the codes.
   */
  public static final String FIELD_REQUIRED_CODE = "FIELD_REQUIRED";

  /** (guess) The code of a 400 entry for an id that names no record (an unknown reference). */
  public static final String INVALID_REFERENCE_CODE = "INVALID_REFERENCE";

  /**
   * (guess) The code of a 400 entry for a create whose caller-chosen {@code id} (the description:
   * "automatically generated if omitted") is taken already.
   */
  public static final String DUPLICATE_ID_CODE = "DUPLICATE_ID";

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
