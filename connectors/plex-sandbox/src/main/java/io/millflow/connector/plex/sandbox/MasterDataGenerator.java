package io.millflow.connector.plex.sandbox;

import static io.millflow.connector.plex.sandbox.Seeds.CONTAINER;
import static io.millflow.connector.plex.sandbox.Seeds.EQUIPMENT;
import static io.millflow.connector.plex.sandbox.Seeds.JOB;
import static io.millflow.connector.plex.sandbox.Seeds.LOCATION;
import static io.millflow.connector.plex.sandbox.Seeds.PART;
import static io.millflow.connector.plex.sandbox.Seeds.SUPPLIER;
import static io.millflow.connector.plex.sandbox.Seeds.WORKCENTER;
import static io.millflow.connector.plex.sandbox.Seeds.pick;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.connector.plex.protocol.PlexTimestamps;
import io.millflow.step.Json;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Makes suppliers, parts, inventory containers, jobs and equipment from the seed and an index, in
 * the fields SYSTEMS.md lists, without state. References hold: purchase orders buy from supplier
 * {@code i} and part {@code j} by the same ids, containers and jobs name parts that exist,
 * equipment sits in one of {@link #workcenters()} workcenters.
 */
final class MasterDataGenerator {

  private static final int LOCATIONS = 30;
  private static final int EQUIPMENT_PER_WORKCENTER = 4;
  private static final String[] SUPPLIER_FIRST = {
    "Great Lakes", "Midwest", "Apex", "Northern", "Delta", "Summit", "Keystone", "Pioneer"
  };
  private static final String[] SUPPLIER_TRADE = {
    "Steel",
    "Fasteners",
    "Bearing Supply",
    "Plastics",
    "Tooling",
    "Hydraulics",
    "Packaging",
    "Chemicals"
  };
  private static final String[] SUPPLIER_STATUSES = {
    "Active", "Active", "Active", "Active", "Inactive", "On Hold"
  };
  private static final String[] SUPPLIER_CATEGORIES = {
    "Raw Material", "MRO", "Tooling", "Services"
  };
  private static final String[] SUPPLIER_TYPES = {"Supplier", "Supplier", "Outside Processor"};
  private static final String[] LANGUAGES = {"English", "English", "Spanish"};
  private static final String[] PART_STATUSES = {
    "Production", "Production", "Production", "Prototype", "Obsolete"
  };
  private static final String[] REVISIONS = {"A", "A", "B", "C"};
  private static final String[] CONTAINER_STATUSES = {"OK", "OK", "OK", "OK", "Hold", "Quarantine"};
  private static final String[] CONTAINER_TYPES = {"Box", "Pallet", "Tote", "Coil"};
  private static final String[] INVENTORY_TYPES = {"Raw Material", "WIP", "Finished Goods"};
  private static final String[] JOB_STATUSES = {
    "Scheduled", "Open", "In Process", "In Process", "Complete", "Hold"
  };
  private static final String[] JOB_TYPES = {"Production", "Production", "Production", "Rework"};
  private static final String[] EQUIPMENT_TYPES = {
    "CNC Lathe", "Stamping Press", "Injection Molder", "Robot Cell", "Conveyor"
  };
  private static final String[] BRANDS = {"Haas", "Okuma", "Engel", "Fanuc", "Schuler"};
  private static final String[] EQUIPMENT_STATUSES = {
    "Running", "Running", "Idle", "Down", "Planned Maintenance"
  };

  private final Seeds seeds;
  private final PlexSandboxConfig.Volumes volumes;
  private final Instant dataStart;

  MasterDataGenerator(PlexSandboxConfig config) {
    this.seeds = new Seeds(config.seed());
    this.volumes = config.volumes();
    this.dataStart = config.dataStart();
  }

  int workcenters() {
    return (volumes.equipment() + EQUIPMENT_PER_WORKCENTER - 1) / EQUIPMENT_PER_WORKCENTER;
  }

  /** The id of workcenter {@code index}, below {@link #workcenters()}. */
  String workcenterId(int index) {
    return id(WORKCENTER, index);
  }

  String id(long kind, int index) {
    return seeds.uuid(kind, index, 0).toString();
  }

  int indexOf(long kind, String id, int count) {
    return seeds.indexOf(kind, id, count);
  }

  ObjectNode supplier(int index, Instant modified) {
    SplittableRandom random = seeds.random(SUPPLIER, index, 0);
    ObjectNode supplier = Json.mapper().createObjectNode();
    supplier.put("id", id(SUPPLIER, index));
    supplier.put("code", "SUP%05d".formatted(index + 1));
    supplier.put("oldCode", random.nextInt(5) == 0 ? "V-%04d".formatted(index + 1) : null);
    supplier.put(
        "name",
        SUPPLIER_FIRST[index % SUPPLIER_FIRST.length]
            + " "
            + SUPPLIER_TRADE[index / SUPPLIER_FIRST.length % SUPPLIER_TRADE.length]
            + (index >= SUPPLIER_FIRST.length * SUPPLIER_TRADE.length ? " " + (index + 1) : "")
            + " Inc.");
    supplier.put("language", pick(random, LANGUAGES));
    supplier.put("category", pick(random, SUPPLIER_CATEGORIES));
    supplier.put("status", pick(random, SUPPLIER_STATUSES));
    supplier.put("type", pick(random, SUPPLIER_TYPES));
    supplier.put(
        "parentSupplierId",
        index > 0 && random.nextInt(10) == 0 ? id(SUPPLIER, random.nextInt(index)) : null);
    supplier.put("webAddress", "https://supplier%d.example.com".formatted(index + 1));
    supplier.put("contactNote", random.nextInt(3) == 0 ? "Order by e-mail before 2 pm" : null);
    supplier.putNull("note");
    putCreatedAndModified(supplier, random, modified, "createdDate", "modifiedDate");
    return supplier;
  }

  ObjectNode part(int index, Instant modified) {
    SplittableRandom random = seeds.random(PART, index, 0);
    CatalogPart catalog = CatalogPart.of(index);
    ObjectNode part = Json.mapper().createObjectNode();
    part.put("id", id(PART, index));
    part.put("number", partNumber(index));
    part.put("name", catalog.description());
    part.put("revision", revision(index));
    part.put("description", catalog.description() + ", " + catalog.unit());
    part.put("type", catalog.type());
    part.put("group", catalog.group());
    part.put("source", catalog.type().equals("Raw Material") ? "Purchased" : "Manufactured");
    part.put("productType", catalog.group());
    part.put("status", pick(random, PART_STATUSES));
    part.putNull("note");
    part.put("leadTimeDays", random.nextInt(1, 60));
    part.put("buildingCode", pick(random, PurchaseOrderGenerator.BUILDINGS));
    putCreatedAndModified(part, random, modified, "createdDate", "modifiedDate");
    return part;
  }

  ObjectNode container(int index, Instant updated) {
    SplittableRandom random = seeds.random(CONTAINER, index, 0);
    int partIndex = random.nextInt(volumes.parts());
    CatalogPart catalog = CatalogPart.of(partIndex);
    int location = random.nextInt(LOCATIONS);
    ObjectNode container = Json.mapper().createObjectNode();
    container.put("serialNo", "S%08d".formatted(index + 1));
    container.put("partId", id(PART, partIndex));
    container.put("partNo", partNumber(partIndex));
    container.put("revision", revision(partIndex));
    container.put("containerStatus", pick(random, CONTAINER_STATUSES));
    container.put("locationId", id(LOCATION, location));
    container.put(
        "location",
        "%s-%c-%02d"
            .formatted(
                PurchaseOrderGenerator.BUILDINGS[location % 3],
                (char) ('A' + location / 10),
                location % 10 + 1));
    long scale = (long) Math.pow(10, catalog.quantityScale());
    container.put(
        "quantity", BigDecimal.valueOf(random.nextLong(1, 1_000 * scale), catalog.quantityScale()));
    container.put("quantityInventoryUnit", catalog.unit());
    container.put("containerType", pick(random, CONTAINER_TYPES));
    container.put("lotNo", "LOT-%06d".formatted(random.nextInt(1, 5_000)));
    putCreatedAndModified(container, random, updated, "addDateTime", "updateDateTime");
    container.put("inventoryType", pick(random, INVENTORY_TYPES));
    return container;
  }

  /** Jobs carry no modified date in Plex; their dates are placed relative to the data's end. */
  ObjectNode job(int index, Instant dataEnd) {
    SplittableRandom random = seeds.random(JOB, index, 0);
    int partIndex = random.nextInt(volumes.parts());
    String status = pick(random, JOB_STATUSES);
    Instant due = dataEnd.minus(Duration.ofHours(random.nextLong(-24 * 30, 24 * 90)));
    BigDecimal quantity = BigDecimal.valueOf(random.nextInt(1, 100) * 50L);
    ObjectNode job = Json.mapper().createObjectNode();
    job.put("id", id(JOB, index));
    job.put("jobNumber", "J%07d".formatted(200_000 + index));
    job.put("partId", id(PART, partIndex));
    job.put("partNumber", partNumber(partIndex));
    job.put("quantity", quantity);
    job.put(
        "quantityCompleted",
        status.equals("Complete")
            ? quantity
            : status.equals("In Process")
                ? BigDecimal.valueOf(random.nextLong(0, quantity.longValue()))
                : BigDecimal.ZERO);
    job.put("jobStatus", status);
    job.put("jobType", pick(random, JOB_TYPES));
    job.put("dueDate", PlexTimestamps.format(due));
    job.put(
        "completedDate",
        status.equals("Complete")
            ? PlexTimestamps.format(due.minus(Duration.ofHours(random.nextInt(1, 72))))
            : null);
    job.put("priority", random.nextInt(1, 6));
    job.put("buildingCode", pick(random, PurchaseOrderGenerator.BUILDINGS));
    return job;
  }

  ObjectNode equipment(int index) {
    SplittableRandom random = seeds.random(EQUIPMENT, index, 0);
    String type = pick(random, EQUIPMENT_TYPES);
    String status = pick(random, EQUIPMENT_STATUSES);
    ObjectNode equipment = Json.mapper().createObjectNode();
    equipment.put("id", id(EQUIPMENT, index));
    equipment.put("equipmentId", "EQ-%04d".formatted(index + 1));
    equipment.put("description", type + " " + (index + 1));
    equipment.put("brand", pick(random, BRANDS));
    equipment.put("modelNo", "M-%03d".formatted(random.nextInt(100, 999)));
    equipment.put("equipmentType", type);
    equipment.put("workcenterId", id(WORKCENTER, index / EQUIPMENT_PER_WORKCENTER));
    equipment.put("status", status);
    equipment.put("serialNo", "SN%06d".formatted(random.nextInt(100_000, 999_999)));
    equipment.put("active", random.nextInt(12) != 0);
    return equipment;
  }

  static String partNumber(int partIndex) {
    return "%d-%04d".formatted(1000 + partIndex % 9_000, partIndex);
  }

  private String revision(int partIndex) {
    return pick(seeds.random(PART, partIndex, 1), REVISIONS);
  }

  /** Created before the data's period, so that a later modification never moves the creation. */
  private void putCreatedAndModified(
      ObjectNode record,
      SplittableRandom random,
      Instant modified,
      String createdField,
      String modifiedField) {
    record.put(
        createdField,
        PlexTimestamps.format(dataStart.minus(Duration.ofMinutes(random.nextInt(1, 1_000_000)))));
    record.put(modifiedField, PlexTimestamps.format(modified));
  }
}
