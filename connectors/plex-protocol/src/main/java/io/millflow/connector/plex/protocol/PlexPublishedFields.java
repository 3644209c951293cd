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

  private PlexPublishedFields() {}
}
