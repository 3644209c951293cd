package io.millflow.connector.plex.protocol;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Plex Connect list resources the {@code plex.records.read} step reads, as SYSTEMS.md lists
 * them: path, filters, the field that identifies a record and the field that says when it last
 * changed. Only purchase orders (read by their own step) have modified-date filters; of these,
 * suppliers, parts and containers carry a modified date that a read can filter on after a full
 * read, jobs and equipment none at all. The sandbox serves the same list.
 */
public enum PlexResource {
  SUPPLIERS(
      "/mdm/v1/suppliers",
      "plex.supplier",
      "id",
      "modifiedDate",
      Filter.exact("code"),
      Filter.exact("name"),
      Filter.exact("status"),
      Filter.exact("type"),
      Filter.exact("category")),
  PARTS(
      "/mdm/v1/parts",
      "plex.part",
      "id",
      "modifiedDate",
      Filter.exact("number"),
      Filter.exact("revision"),
      Filter.exact("type"),
      Filter.exact("status"),
      Filter.exact("source")),
  CONTAINERS(
      "/inventory/v1/inventory-tracking/containers",
      "plex.container",
      "serialNo",
      "updateDateTime",
      Filter.exact("partId"),
      Filter.exact("locationId"),
      new Filter("lotId", PlexGuesses.CONTAINER_LOT_ID_FIELD, Filter.Match.EQUALS),
      Filter.exact("inventoryType")),
  JOBS(
      "/scheduling/v1/jobs",
      "plex.job",
      "id",
      null,
      Filter.exact("partId"),
      Filter.exact("jobNumber"),
      new Filter("jobStatuses", "jobStatus", Filter.Match.EQUALS),
      new Filter("dueDateBegin", "dueDate", Filter.Match.FROM),
      new Filter("dueDateEnd", "dueDate", Filter.Match.BEFORE),
      new Filter("buildingId", PlexGuesses.JOB_BUILDING_ID_FIELD, Filter.Match.EQUALS)),
  EQUIPMENT(
      "/maintenance/v1/equipment",
      "plex.equipment",
      "id",
      null,
      Filter.exact("equipmentId"),
      Filter.exact("workcenterId"),
      Filter.exact("status"),
      Filter.exact("serialNo"));

  /**
   * One query parameter and the record field it selects on. {@code EQUALS} filters may repeat
   * ({@code ?status=a& status=b} matches either); {@code FROM}/{@code BEFORE} bound a date range,
   * begin inclusive, end exclusive, and take a full UTC timestamp.
   */
  public record Filter(String parameter, String field, Match match) {

    public enum Match {
      EQUALS,
      FROM,
      BEFORE
    }

    static Filter exact(String name) {
      return new Filter(name, name, Match.EQUALS);
    }

    public boolean isDate() {
      return match != Match.EQUALS;
    }
  }

  private final String path;
  private final String entity;
  private final String idField;
  private final String modifiedField;
  private final List<Filter> filters;

  PlexResource(
      String path, String entity, String idField, String modifiedField, Filter... filters) {
    this.path = path;
    this.entity = entity;
    this.idField = idField;
    this.modifiedField = modifiedField;
    this.filters = List.of(filters);
  }

  /** The resource of a step's {@code resource} input: {@code suppliers}, {@code parts}, ... */
  public static Optional<PlexResource> named(String name) {
    return Arrays.stream(values())
        .filter(resource -> resource.stepName().equalsIgnoreCase(name.strip()))
        .findFirst();
  }

  /** {@code suppliers}, {@code parts}, {@code containers}, {@code jobs}, {@code equipment}. */
  public String stepName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@code /mdm/v1/suppliers}. */
  public String path() {
    return path;
  }

  /** The entity of the dataset a read writes: {@code plex.supplier}. */
  public String entity() {
    return entity;
  }

  public String idField() {
    return idField;
  }

  /**
   * The field with the record's last change ({@code modifiedDate}, {@code updateDateTime}); empty
   * when it has none.
   */
  public Optional<String> modifiedField() {
    return Optional.ofNullable(modifiedField);
  }

  public List<Filter> filters() {
    return filters;
  }

  public Optional<Filter> filter(String parameter) {
    return filters.stream().filter(filter -> filter.parameter().equals(parameter)).findFirst();
  }
}
