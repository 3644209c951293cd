package io.millflow.connector.netsuite.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.connector.netsuite.protocol.NetSuiteGuesses;
import io.millflow.connector.netsuite.protocol.RecordWrites;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The records clients wrote: created, upserted by external id, patched, or made by a transform,
 * kept in memory beside the generated ones (never changed: a receipt against a generated order
 * stores a written copy of it, which reads then find first) with internal ids from {@value
 * #FIRST_ID} on. Every change is checked by {@link WriteRules} and, for vendors, the uniqueness of
 * {@link NetSuiteGuesses#UNIQUE_VENDOR_FIELD} against generated and written vendors. One lock: the
 * sandbox's writes are few next to its reads, and a check and its store must not interleave.
 */
final class WrittenRecords {

  static final long FIRST_ID = 1_000_000;

  /** What a write did: the internal id of the record and whether it made a new one. */
  record Stored(String id, boolean created) {}

  private final SandboxData data;
  private final Clock clock;
  private final WriteRules rules;
  private final Map<String, ObjectNode> records = new HashMap<>();
  private final Map<String, String> idsByExternalId = new HashMap<>();
  private final Map<String, String> vendorIdsByEntityId = new HashMap<>();
  private long nextId = FIRST_ID;

  WrittenRecords(SandboxData data, Clock clock) {
    this.data = data;
    this.clock = clock;
    this.rules = new WriteRules(this::exists);
  }

  /**
   * {@code PUT {type}/eid:{externalId}}: updates the record with that external id, or creates it.
   */
  synchronized Stored upsert(String type, String externalId, ObjectNode body) throws WriteRefused {
    if (!RecordWrites.validExternalId(externalId)) {
      throw WriteRefused.content(
          RecordWrites.USER_ERROR,
          "Invalid external ID '" + externalId + "': use letters, numbers, _ and - only.");
    }
    String id = idsByExternalId.get(key(type, externalId));
    if (id != null) {
      update(type, id, body, null);
      return new Stored(id, false);
    }
    ObjectNode created = body.deepCopy().put("externalId", externalId);
    return new Stored(create(type, created), true);
  }

  /** {@code POST {type}}: a new record; an external id in the body must be new. */
  synchronized String create(String type, ObjectNode body) throws WriteRefused {
    rules.check(type, body, true);
    checkUnique(type, body, null);
    String externalId = body.path("externalId").asText(null);
    if (externalId != null && idsByExternalId.containsKey(key(type, externalId))) {
      throw WriteRefused.content(
          RecordWrites.USER_ERROR, "A " + type + " with external ID " + externalId + " exists.");
    }
    String id = Long.toString(nextId++);
    String now = clock.instant().toString();
    ObjectNode record = body.deepCopy().put("id", id).put("dateCreated", now);
    if (type.equals("purchaseOrder")) {
      OrderLines.number(record);
    }
    record.put("lastModifiedDate", now);
    store(type, id, record);
    if (externalId != null) {
      idsByExternalId.put(key(type, externalId), id);
    }
    return id;
  }

  /**
   * {@code PATCH {type}/{id|eid:...}[?replace=item]}: the fields given replace the record's; a
   * purchase order's lines are merged as {@link OrderLines#merge} says. Returns the internal id.
   */
  synchronized String update(String type, String idOrExternalId, ObjectNode body, String replace)
      throws WriteRefused {
    String id = internalId(type, idOrExternalId);
    ObjectNode record = id == null ? null : records.get(key(type, id));
    if (record == null) {
      throw new WriteRefused(
          404,
          "NONEXISTENT_ID",
          "The record instance does not exist. Provide a valid record instance ID.");
    }
    rules.check(type, body, false);
    checkUnique(type, body, id);
    ObjectNode changed = record.deepCopy();
    body.properties().forEach(field -> changed.set(field.getKey(), field.getValue()));
    if (type.equals("purchaseOrder") && body.has("item")) {
      changed.set("item", OrderLines.merge(record, body, "item".equals(replace)));
    }
    changed.put("id", id).put("lastModifiedDate", clock.instant().toString());
    if (record.has("externalId")) {
      changed.set("externalId", record.get("externalId"));
    }
    store(type, id, changed);
    return id;
  }

  /** The internal id of {@code idOrExternalId} ({@code eid:...}) among written records. */
  synchronized String internalId(String type, String idOrExternalId) {
    return idOrExternalId.startsWith(RecordWrites.EXTERNAL_ID_PREFIX)
        ? idsByExternalId.get(
            key(type, idOrExternalId.substring(RecordWrites.EXTERNAL_ID_PREFIX.length())))
        : idOrExternalId;
  }

  /** A written record by internal id or {@code eid:...}. */
  synchronized Optional<ObjectNode> get(String type, String idOrExternalId) {
    String id = internalId(type, idOrExternalId);
    return Optional.ofNullable(id == null ? null : records.get(key(type, id)))
        .map(ObjectNode::deepCopy);
  }

  /** Stores {@code record} as the written record of {@code type} with internal id {@code id}. */
  synchronized void replace(String type, String id, ObjectNode record) {
    store(type, id, record.deepCopy());
  }

  /** How many records of {@code type} clients wrote (created, not counting updates). */
  synchronized long count(String type) {
    return records.keySet().stream().filter(key -> key.startsWith(type + "/")).count();
  }

  /**
   * True when a record of {@code type} with internal id {@code id} exists, generated or written.
   */
  synchronized boolean exists(String type, String id) {
    if (records.containsKey(key(type, id))) {
      return true;
    }
    long value;
    try {
      value = Long.parseLong(id);
    } catch (NumberFormatException e) {
      return false;
    }
    return switch (type) {
      case "vendor" -> within(value, SandboxData.FIRST_VENDOR_ID, data.vendors.count());
      case "inventoryItem" -> within(value, SandboxData.FIRST_ITEM_ID, data.items.count());
      case "purchaseOrder" -> within(value, SandboxData.FIRST_ORDER_ID, data.orders.count());
      default -> false;
    };
  }

  private void checkUnique(String type, ObjectNode body, String id) throws WriteRefused {
    JsonNode value = body.path(NetSuiteGuesses.UNIQUE_VENDOR_FIELD);
    if (!type.equals("vendor") || !value.isTextual()) {
      return;
    }
    String entityId = value.asText();
    boolean generated =
        entityId.matches("V\\d{5}")
            && Integer.parseInt(entityId.substring(1)) >= 1
            && Integer.parseInt(entityId.substring(1)) <= data.vendors.count();
    String holder = vendorIdsByEntityId.get(entityId);
    boolean written = holder != null && !holder.equals(id);
    if (generated || written) {
      throw WriteRefused.content(
          RecordWrites.UNIQUE_CUST_ID_REQD,
          "The vendor ID you have chosen is already in use. Please enter a unique vendor ID.");
    }
  }

  private void store(String type, String id, ObjectNode record) {
    ObjectNode before = records.put(key(type, id), record);
    if (type.equals("vendor")) {
      if (before != null) {
        vendorIdsByEntityId.remove(before.path(NetSuiteGuesses.UNIQUE_VENDOR_FIELD).asText());
      }
      JsonNode entityId = record.path(NetSuiteGuesses.UNIQUE_VENDOR_FIELD);
      if (entityId.isTextual()) {
        vendorIdsByEntityId.put(entityId.asText(), id);
      }
    }
  }

  private static boolean within(long value, long first, int count) {
    return value >= first && value < first + count;
  }

  private static String key(String type, String id) {
    return type + "/" + id;
  }
}
