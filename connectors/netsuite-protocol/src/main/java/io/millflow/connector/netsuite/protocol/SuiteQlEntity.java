package io.millflow.connector.netsuite.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.step.Json;
import io.millflow.step.StepFailure;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One record type as the connector reads it through SuiteQL: its table, the columns it selects, and
 * how a row (lower- case column names, values as text) becomes the record in the shape {@code GET
 * record/v1/{type}/{id}} gives, so that one mapper serves both reads. Columns are a table: SuiteQL
 * column, record field, kind.
 */
public record SuiteQlEntity(
    String recordType, String table, String typeCondition, List<Column> columns) {

  /** How a column is selected and turned into a record field. */
  public enum Kind {
    TEXT,
    NUMBER,
    BOOLEAN,
    DATE,
    DATETIME,
    /**
     * A reference: the id, plus {@code BUILTIN.DF(column) AS column_name} as its {@code refName}.
     */
    REF
  }

  public record Column(String name, String field, Kind kind) {

    String selectItems() {
      return switch (kind) {
        case DATE -> SuiteQlTimes.select(name, NetSuiteGuesses.DATE_FORMAT);
        case DATETIME -> SuiteQlTimes.select(name, NetSuiteGuesses.DATETIME_FORMAT);
        case REF -> name + ", BUILTIN.DF(" + name + ") AS " + name + "_name";
        case TEXT, NUMBER, BOOLEAN -> name;
      };
    }
  }

  public static final String LAST_MODIFIED = "lastmodifieddate";

  public static final SuiteQlEntity PURCHASE_ORDER =
      new SuiteQlEntity(
          "purchaseOrder",
          "transaction",
          "type = '" + NetSuiteGuesses.PURCHASE_ORDER_TYPE + "'",
          List.of(
              new Column("id", "id", Kind.TEXT),
              new Column("tranid", "tranId", Kind.TEXT),
              new Column("transactionnumber", "transactionNumber", Kind.TEXT),
              new Column("trandate", "tranDate", Kind.DATE),
              new Column("createddate", "createdDate", Kind.DATETIME),
              new Column(LAST_MODIFIED, "lastModifiedDate", Kind.DATETIME),
              new Column("entity", "entity", Kind.REF),
              new Column("status", "status", Kind.REF),
              new Column("approvalstatus", "approvalStatus", Kind.REF),
              new Column("currency", "currency", Kind.REF),
              new Column("exchangerate", "exchangeRate", Kind.NUMBER),
              new Column("memo", "memo", Kind.TEXT),
              new Column("foreigntotal", "total", Kind.NUMBER),
              new Column("shipdate", "shipDate", Kind.DATE),
              new Column("duedate", "dueDate", Kind.DATE),
              new Column("terms", "terms", Kind.REF)));

  /** The item sublist of a purchase order; rows also carry {@code transaction}, the order's id. */
  public static final SuiteQlEntity PURCHASE_ORDER_LINE =
      new SuiteQlEntity(
          "purchaseOrderItem",
          "transactionline",
          "mainline = 'F'",
          List.of(
              new Column("id", "id", Kind.TEXT),
              new Column("linesequencenumber", "line", Kind.NUMBER),
              new Column("item", "item", Kind.REF),
              new Column("itemtype", "itemType", Kind.TEXT),
              new Column("quantity", "quantity", Kind.NUMBER),
              new Column("quantityshiprecv", "quantityReceived", Kind.NUMBER),
              new Column("quantitybilled", "quantityBilled", Kind.NUMBER),
              new Column("rate", "rate", Kind.NUMBER),
              new Column("foreignamount", "amount", Kind.NUMBER),
              new Column("units", "units", Kind.REF),
              new Column("memo", "description", Kind.TEXT),
              new Column("location", "location", Kind.REF),
              new Column("isclosed", "isClosed", Kind.BOOLEAN),
              new Column("expectedreceiptdate", "expectedReceiptDate", Kind.DATE)));

  public static final SuiteQlEntity VENDOR =
      new SuiteQlEntity(
          "vendor",
          NetSuiteGuesses.VENDOR_TABLE,
          null,
          List.of(
              new Column("id", "id", Kind.TEXT),
              new Column("entityid", "entityId", Kind.TEXT),
              new Column("companyname", "companyName", Kind.TEXT),
              new Column("isinactive", "isInactive", Kind.BOOLEAN),
              new Column("subsidiary", "subsidiary", Kind.REF),
              new Column("terms", "terms", Kind.REF),
              new Column("currency", "currency", Kind.REF),
              new Column("email", "email", Kind.TEXT),
              new Column("phone", "phone", Kind.TEXT),
              new Column("datecreated", "dateCreated", Kind.DATETIME),
              new Column(LAST_MODIFIED, "lastModifiedDate", Kind.DATETIME)));

  public static final SuiteQlEntity INVENTORY_ITEM =
      new SuiteQlEntity(
          "inventoryItem",
          "item",
          "itemtype = '" + NetSuiteGuesses.INVENTORY_ITEM_TYPE + "'",
          List.of(
              new Column("id", "id", Kind.TEXT),
              new Column("itemid", "itemId", Kind.TEXT),
              new Column("displayname", "displayName", Kind.TEXT),
              new Column("purchasedescription", "purchaseDescription", Kind.TEXT),
              new Column("cost", "cost", Kind.NUMBER),
              new Column("averagecost", "averageCost", Kind.NUMBER),
              new Column("quantityonhand", "quantityOnHand", Kind.NUMBER),
              new Column("quantityavailable", "quantityAvailable", Kind.NUMBER),
              new Column("stockunit", "stockUnit", Kind.REF),
              new Column("isinactive", "isInactive", Kind.BOOLEAN),
              new Column("createddate", "createdDate", Kind.DATETIME),
              new Column(LAST_MODIFIED, "lastModifiedDate", Kind.DATETIME)));

  /** {@code SELECT ... FROM table}. */
  public String select() {
    return "SELECT "
        + columns.stream().map(Column::selectItems).collect(Collectors.joining(", "))
        + " FROM "
        + table;
  }

  /** The records modified in {@code [from, until)}, oldest first, ties by id. */
  public String windowQuery(Instant from, Instant until, ZoneId zone) {
    return select()
        + " WHERE "
        + (typeCondition == null ? "" : typeCondition + " AND ")
        + LAST_MODIFIED
        + " >= "
        + SuiteQlTimes.literal(from, zone)
        + " AND "
        + LAST_MODIFIED
        + " < "
        + SuiteQlTimes.literal(until, zone)
        + " ORDER BY "
        + LAST_MODIFIED
        + ", id";
  }

  /** The records with these ids (numbers), in id order. */
  public String byIds(String idColumn, List<String> ids, String orderBy) {
    for (String id : ids) {
      if (!id.chars().allMatch(Character::isDigit) || id.isEmpty()) {
        throw new StepFailure(
            "INVALID_INPUT", "'" + id + "' is not a NetSuite internal id (a whole number).");
      }
    }
    String select =
        idColumn.equals("id") ? select() : select().replace(" FROM ", ", " + idColumn + " FROM ");
    return select
        + " WHERE "
        + (typeCondition == null ? "" : typeCondition + " AND ")
        + idColumn
        + " IN ("
        + String.join(", ", ids)
        + ") ORDER BY "
        + orderBy;
  }

  /**
   * A SuiteQL row as the record REST gives: camelCase fields, references as {@code
   * {"id","refName"}}.
   */
  public ObjectNode toRecord(JsonNode row, ZoneId zone) {
    ObjectNode record = Json.mapper().createObjectNode();
    for (Column column : columns) {
      JsonNode value = row.get(column.name());
      if (value == null || value.isNull() || value.asText().isEmpty()) {
        continue; // SuiteQL leaves empty columns out of a row
      }
      String text = value.asText();
      switch (column.kind()) {
        case TEXT, DATE -> record.put(column.field(), text);
        case NUMBER -> record.put(column.field(), number(column, text, row));
        case BOOLEAN ->
            record.put(column.field(), text.equalsIgnoreCase("T") || text.equalsIgnoreCase("true"));
        case DATETIME -> record.put(column.field(), instant(column, text, zone, row).toString());
        case REF -> {
          ObjectNode ref = record.putObject(column.field()).put("id", text);
          JsonNode name = row.get(column.name() + "_name");
          if (name != null && !name.isNull()) {
            ref.put("refName", name.asText());
          }
        }
      }
    }
    return record;
  }

  private BigDecimal number(Column column, String text, JsonNode row) {
    try {
      return new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      throw unexpected(column, "is not a number: '" + text + "'", row);
    }
  }

  private Instant instant(Column column, String text, ZoneId zone, JsonNode row) {
    try {
      return SuiteQlTimes.parse(text, zone);
    } catch (DateTimeParseException e) {
      throw unexpected(
          column,
          "is not a datetime in the format " + NetSuiteGuesses.DATETIME_FORMAT + ": '" + text + "'",
          row);
    }
  }

  private StepFailure unexpected(Column column, String problem, JsonNode row) {
    return new StepFailure(
        "NETSUITE_UNEXPECTED_RESPONSE",
        "NetSuite sent "
            + recordType
            + " "
            + row.path("id").asText("(no id)")
            + " with column '"
            + column.name()
            + "' that "
            + problem
            + ".");
  }
}
