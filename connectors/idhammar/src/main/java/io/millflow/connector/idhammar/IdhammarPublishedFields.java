package io.millflow.connector.idhammar;

import java.util.Set;

/**
 * The fields of each Idhammar row the connector reads, as the Idhammar interface document lists
 * them ({@code idhammar-sandbox-openapi.yaml}: Machine, DowntimeEvent, ProductionCounts, Oee). A
 * field a row carries outside these is reported as schema drift.
 */
final class IdhammarPublishedFields {

  static final Set<String> MACHINE =
      Set.of(
          "active",
          "createdAt",
          "id",
          "idealRatePerHour",
          "lineId",
          "name",
          "siteId",
          "type",
          "updatedAt");

  static final Set<String> DOWNTIME_EVENT =
      Set.of(
          "category",
          "createdAt",
          "durationSeconds",
          "endTime",
          "id",
          "lineId",
          "machineId",
          "operator",
          "orderNo",
          "planned",
          "reasonCode",
          "reasonText",
          "shift",
          "siteId",
          "startTime",
          "updatedAt");

  static final Set<String> PRODUCTION =
      Set.of(
          "good",
          "granularity",
          "lineId",
          "machineId",
          "orderNo",
          "periodEnd",
          "periodStart",
          "reject",
          "rejectReasons",
          "rework",
          "shift",
          "siteId",
          "updatedAt");

  static final Set<String> OEE =
      Set.of(
          "availability",
          "goodCount",
          "granularity",
          "idealRatePerHour",
          "lineId",
          "machineId",
          "oee",
          "orderNo",
          "performance",
          "periodEnd",
          "periodStart",
          "plannedDowntimeSeconds",
          "plannedProductionSeconds",
          "plannedTimeSeconds",
          "quality",
          "rejectCount",
          "reworkCount",
          "runTimeSeconds",
          "shift",
          "siteId",
          "totalCount",
          "unplannedDowntimeSeconds",
          "updatedAt");

  private IdhammarPublishedFields() {}
}
