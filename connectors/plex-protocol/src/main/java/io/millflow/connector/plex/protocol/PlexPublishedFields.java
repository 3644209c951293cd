package io.millflow.connector.plex.protocol;

import java.util.Set;

/**
 * The top-level fields of each Plex resource the connectors read, as Plex's published OpenAPI
 * description lists them (the 200 answer of each list endpoint, {@code
 * ecookmva/plex-developer-sdk/api/openapi.yaml}, generated from developers.plex.com). A field a
 * record carries outside these is reported as schema drift; one list per resource, in one place, so
 * that a change of Plex's description is a change here.
 */
public final class PlexPublishedFields {

  /** {@code GET /mdm/v1/suppliers}. */
  public static final Set<String> SUPPLIER =
      Set.of(
          "category",
          "code",
          "contactNote",
          "createdById",
          "createdDate",
          "id",
          "language",
          "modifiedById",
          "modifiedDate",
          "name",
          "note",
          "oldCode",
          "parentSupplierId",
          "status",
          "type",
          "webAddress");

  /** {@code GET /mdm/v1/parts}. */
  public static final Set<String> PART =
      Set.of(
          "allergens",
          "buildingCode",
          "createdById",
          "createdDate",
          "description",
          "group",
          "id",
          "leadTimeDays",
          "modifiedById",
          "modifiedDate",
          "name",
          "note",
          "number",
          "productType",
          "revision",
          "source",
          "status",
          "type");

  /** {@code GET /inventory/v1/inventory-tracking/containers}. */
  public static final Set<String> CONTAINER =
      Set.of(
          "addDateTime",
          "containerShelfDateTime",
          "containerStatus",
          "containerType",
          "eun",
          "grossWeight",
          "heatCode",
          "heatId",
          "heatNo",
          "inventoryType",
          "location",
          "locationId",
          "lotId",
          "lotNo",
          "masterUnitId",
          "masterUnitNo",
          "netWeight",
          "operationCode",
          "operationNo",
          "partId",
          "partName",
          "partNo",
          "partNoRevision",
          "partOperationId",
          "quantity",
          "quantityInventoryUnit",
          "revision",
          "serialNo",
          "tareWeight",
          "trackingNo",
          "updateDateTime");

  /** {@code GET /scheduling/v1/jobs}. */
  public static final Set<String> JOB =
      Set.of(
          "buildingCode",
          "buildingId",
          "completedDate",
          "createdDate",
          "dueDate",
          "earliestStartDateTime",
          "externalJobCode",
          "id",
          "jobNumber",
          "jobStatus",
          "jobType",
          "partId",
          "partNumber",
          "partNumberRevision",
          "partRevision",
          "priority",
          "quantity",
          "quantityCompleted");

  /** {@code GET /maintenance/v1/equipment}. */
  public static final Set<String> EQUIPMENT =
      Set.of(
          "active",
          "brand",
          "building",
          "buildingId",
          "champion",
          "department",
          "description",
          "equipmentAttributes",
          "equipmentCategory",
          "equipmentGroup",
          "equipmentId",
          "equipmentPriority",
          "equipmentType",
          "equipmentTypeId",
          "id",
          "location",
          "locationId",
          "modelNo",
          "parts",
          "serialNo",
          "status",
          "taxClassification",
          "workcenter",
          "workcenterId");

  /**
   * {@code GET /purchasing/v1/purchase-orders}, plus {@code lineItems}, which the read step adds
   * from {@code /purchasing/v1/purchase-orders/{poId}/line-items}.
   */
  public static final Set<String> PURCHASE_ORDER =
      Set.of(
          "active",
          "approvedById",
          "approvedDate",
          "blanketOrder",
          "building",
          "carrierId",
          "consignment",
          "contactId",
          "createdById",
          "createdDate",
          "currencyCode",
          "department",
          "dueDate",
          "fob",
          "freightTerms",
          "id",
          "incoTerms",
          "internalNote",
          "issuedById",
          "lineItemCount",
          "lineItemTotal",
          "modifiedById",
          "modifiedDate",
          "note",
          "orderedById",
          "orderedDate",
          "poDate",
          "poNumber",
          "receive",
          "routeToEmployeeId",
          "scheduledReceiptDate",
          "shipTo",
          "shipVia",
          "status",
          "supplierAddressId",
          "supplierId",
          "terms",
          "type",
          "weightQuantityTotal",
          "lineItems");

  /**
   * {@code GET /purchasing/v1/purchase-orders/{poId}/line-items}, plus {@code releases}, which the
   * read step adds from {@code /purchasing/v2-beta1/releases}. No {@code quantity}: a line's
   * quantities live in its releases.
   */
  public static final Set<String> PURCHASE_ORDER_LINE_ITEM =
      Set.of(
          "accountId",
          "blanketQuantity",
          "building",
          "createdDate",
          "department",
          "description",
          "estimatedPrice",
          "expirationDate",
          "id",
          "internalNote",
          "itemId",
          "lineItemNumber",
          "manufacturer",
          "manufacturerPartNumber",
          "modifiedById",
          "modifiedDate",
          "note",
          "operationCode",
          "orderUnit",
          "partId",
          "partOperationId",
          "requestedById",
          "routeToEmployeeId",
          "status",
          "supplierPartNumber",
          "taxCode",
          "unit",
          "unitPrice",
          "weightConversion",
          "weightUnit",
          "releases");

  /** {@code GET /purchasing/v2-beta1/releases}. */
  public static final Set<String> RELEASE =
      Set.of(
          "buildingCode",
          "buildingId",
          "createdDate",
          "dueDate",
          "id",
          "lineItemNo",
          "modifiedById",
          "modifiedByDisplayName",
          "modifiedDate",
          "note",
          "operationCode",
          "originalDueDate",
          "partId",
          "partNumber",
          "partNumberRevision",
          "partRevision",
          "poId",
          "poLineItemId",
          "poNumber",
          "poShipTo",
          "quantity",
          "releaseAuthorizationNumber",
          "releaseById",
          "releaseByDisplayName",
          "releaseDate",
          "releaseLineNumber",
          "status",
          "supplierCode",
          "supplierId",
          "type",
          "weightQuantity");

  /** {@code POST /purchasing/v2-beta1/releases}: the fields a create may send. */
  public static final Set<String> RELEASE_CREATE =
      Set.of(
          "id",
          "poLineItemId",
          "status",
          "dueDate",
          "quantity",
          "type",
          "note",
          "poShipTo",
          "firmDays",
          "planDays",
          "forecastDays",
          "releaseLineNo");

  /** {@code PUT /purchasing/v2-beta1/releases/{id}}: the fields an update may send. */
  public static final Set<String> RELEASE_UPDATE =
      Set.of(
          "status",
          "dueDate",
          "quantity",
          "type",
          "note",
          "poShipTo",
          "firmDays",
          "planDays",
          "forecastDays");

  /** {@code POST /inventory/v1/inventory-receiving/receipts}: the fields a create may send. */
  public static final Set<String> RECEIPT_CREATE =
      Set.of("id", "externalReceiptCode", "supplierId");

  /** {@code POST /mdm/v1/suppliers}: the fields a create may send. */
  public static final Set<String> SUPPLIER_CREATE =
      Set.of(
          "id",
          "code",
          "oldCode",
          "name",
          "language",
          "category",
          "status",
          "type",
          "parentSupplierId",
          "webAddress",
          "contactNote",
          "note");

  /** {@code PUT /mdm/v1/suppliers/{id}}: the fields an update may send (no {@code id}). */
  public static final Set<String> SUPPLIER_UPDATE =
      Set.of(
          "code",
          "oldCode",
          "name",
          "language",
          "category",
          "status",
          "type",
          "parentSupplierId",
          "webAddress",
          "contactNote",
          "note");

  /**
   * {@code POST /production/v1/control/workcenters/{workcenterId}/record-batch-production}: the
   * body's fields ({@code batchComponentQuantities} items are {@code {partId, quantity,
   * supplyItemId}}).
   */
  public static final Set<String> BATCH_PRODUCTION_RECORD =
      Set.of(
          "batchId",
          "batchComponentQuantities",
          "operatorId",
          "quantity",
          "lotId",
          "locationId",
          "partId",
          "supplyItemId");

  /** Its 200 answer. */
  public static final Set<String> BATCH_PRODUCTION_RECORDED =
      Set.of(
          "batchId",
          "jobId",
          "jobNumber",
          "jobOperationId",
          "jobOperationStatus",
          "jobStatus",
          "masterUnitID",
          "operationCode",
          "operationNumber",
          "partId",
          "partNumber",
          "partNumberRevision",
          "partRevision",
          "printMasterUnitID",
          "quantity",
          "serialNo",
          "trackingNo",
          "workcenterCode",
          "workcenterId",
          "locationId",
          "location");

  private PlexPublishedFields() {}
}
