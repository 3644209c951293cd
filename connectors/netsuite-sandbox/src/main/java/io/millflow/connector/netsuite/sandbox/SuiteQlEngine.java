package io.millflow.connector.netsuite.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.connector.netsuite.sandbox.SuiteQlQuery.Compare;
import io.millflow.connector.netsuite.sandbox.SuiteQlQuery.Condition;
import io.millflow.connector.netsuite.sandbox.SuiteQlQuery.Display;
import io.millflow.connector.netsuite.sandbox.SuiteQlQuery.Equals;
import io.millflow.connector.netsuite.sandbox.SuiteQlQuery.In;
import io.millflow.connector.netsuite.sandbox.SuiteQlQuery.Item;
import io.millflow.connector.netsuite.sandbox.SuiteQlQuery.Plain;
import io.millflow.connector.netsuite.sandbox.SuiteQlQuery.Rejected;
import io.millflow.connector.netsuite.sandbox.SuiteQlQuery.ToChar;
import io.millflow.step.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs a parsed query against the generated data: the purchase orders ({@code transaction}), their
 * lines ({@code transactionline}), {@code vendor} and {@code item}. Main tables are read by
 * lastmodifieddate window in (lastmodifieddate, id) order; lines by a list of transaction ids in
 * (transaction, linesequencenumber) order.
 */
final class SuiteQlEngine {

  /** One page of projected rows and the query's total. */
  record Result(List<ObjectNode> rows, int total) {}

  private record Table(
      String recordType,
      Set<String> columns,
      String typeColumn,
      String typeValue,
      List<String> order) {}

  private static final List<String> BY_MODIFIED = List.of("lastmodifieddate", "id");
  private static final Map<String, Table> TABLES =
      Map.of(
          "transaction",
              new Table(
                  "purchaseOrder",
                  Set.of(
                      "id",
                      "tranid",
                      "transactionnumber",
                      "type",
                      "trandate",
                      "createddate",
                      "lastmodifieddate",
                      "entity",
                      "status",
                      "approvalstatus",
                      "currency",
                      "exchangerate",
                      "memo",
                      "foreigntotal",
                      "shipdate",
                      "duedate",
                      "terms"),
                  "type",
                  "PurchOrd",
                  BY_MODIFIED),
          "transactionline",
              new Table(
                  "purchaseOrder",
                  Set.of(
                      "transaction",
                      "id",
                      "linesequencenumber",
                      "mainline",
                      "item",
                      "itemtype",
                      "quantity",
                      "quantityshiprecv",
                      "quantitybilled",
                      "rate",
                      "foreignamount",
                      "units",
                      "memo",
                      "location",
                      "isclosed",
                      "expectedreceiptdate"),
                  "mainline",
                  "F",
                  List.of("transaction", "linesequencenumber")),
          "vendor",
              new Table(
                  "vendor",
                  Set.of(
                      "id",
                      "entityid",
                      "companyname",
                      "isinactive",
                      "subsidiary",
                      "terms",
                      "currency",
                      "email",
                      "phone",
                      "datecreated",
                      "lastmodifieddate"),
                  null,
                  null,
                  BY_MODIFIED),
          "item",
              new Table(
                  "inventoryItem",
                  Set.of(
                      "id",
                      "itemid",
                      "displayname",
                      "purchasedescription",
                      "cost",
                      "averagecost",
                      "quantityonhand",
                      "quantityavailable",
                      "stockunit",
                      "isinactive",
                      "createddate",
                      "lastmodifieddate",
                      "itemtype"),
                  "itemtype",
                  "InvtPart",
                  BY_MODIFIED));

  /**
   * SuiteQL's rendering of a date without TO_CHAR: the user's date format, here NetSuite's default.
   */
  private static final DateTimeFormatter USER_DATE = DateTimeFormatter.ofPattern("M/d/uuuu");

  private static final DateTimeFormatter DATETIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

  private final SandboxData data;
  private final ZoneId zone;

  SuiteQlEngine(SandboxData data, ZoneId zone) {
    this.data = data;
    this.zone = zone;
  }

  /**
   * The record type whose permission a query on {@code table} needs; null for a table the sandbox
   * lacks.
   */
  static String recordType(String table) {
    Table known = TABLES.get(table);
    return known == null ? null : known.recordType();
  }

  Result run(SuiteQlQuery query, int limit, int offset, long now) throws Rejected {
    Table table = TABLES.get(query.table());
    if (table == null) {
      throw new Rejected("Record '" + query.table() + "' was not found.");
    }
    for (Item item : query.select()) {
      column(
          table,
          query.table(),
          item instanceof Display d
              ? d.column()
              : item instanceof ToChar t ? t.column() : ((Plain) item).column());
    }
    if (!query.orderBy().isEmpty() && !query.orderBy().equals(table.order())) {
      throw new Rejected(
          "This sandbox orders "
              + query.table()
              + " by "
              + String.join(", ", table.order())
              + " only.");
    }
    Long lo = null;
    Long hi = null;
    List<Long> ids = null;
    boolean none = false;
    for (Condition condition : query.where()) {
      switch (condition) {
        case Equals equals -> {
          if (!equals.column().equals(table.typeColumn())) {
            throw new Rejected(
                "This sandbox filters "
                    + query.table()
                    + " with = on "
                    + table.typeColumn()
                    + " only, not on '"
                    + equals.column()
                    + "'.");
          }
          none |= !equals.text().equals(table.typeValue());
        }
        case Compare compare -> {
          if (!compare.column().equals("lastmodifieddate") || table.order() != BY_MODIFIED) {
            throw new Rejected(
                "This sandbox compares lastmodifieddate only, not '" + compare.column() + "'.");
          }
          long second = inAccountZone(compare.instant()).getEpochSecond();
          switch (compare.operator()) {
            case ">=" -> lo = max(lo, second);
            case ">" -> lo = max(lo, second + 1);
            case "<" -> hi = min(hi, second);
            default -> hi = min(hi, second + 1);
          }
        }
        case In in -> {
          if (!in.column().equals("transaction") || !query.table().equals("transactionline")) {
            throw new Rejected("This sandbox takes IN (...) on transactionline.transaction only.");
          }
          ids = in.values();
        }
      }
    }
    if (query.table().equals("transactionline")) {
      if (ids == null) {
        throw new Rejected("Name the transactions: transaction IN (...).");
      }
      return none ? new Result(List.of(), 0) : lines(query, ids, limit, offset, now);
    }
    if (none) {
      return new Result(List.of(), 0);
    }
    Timeline timeline =
        query.table().equals("vendor")
            ? data.vendors
            : query.table().equals("item") ? data.items : data.orders;
    Timeline.Slice slice = timeline.window(lo, hi, now, offset, limit);
    List<ObjectNode> rows = new ArrayList<>(slice.indexes().size());
    for (int index : slice.indexes()) {
      SandboxRow row =
          timeline == data.vendors
              ? data.vendor(index, now)
              : timeline == data.items ? data.item(index, now) : data.order(index, now);
      rows.add(project(query, row, zone));
    }
    return new Result(rows, slice.total());
  }

  /** A TO_TIMESTAMP literal (parsed as UTC) read as the account's wall-clock time. */
  private Instant inAccountZone(Instant asUtc) {
    return LocalDateTime.ofInstant(asUtc, ZoneOffset.UTC).atZone(zone).toInstant();
  }

  private Result lines(SuiteQlQuery query, List<Long> ids, int limit, int offset, long now) {
    TreeSet<Integer> orders = new TreeSet<>();
    for (long id : ids) {
      long index = id - SandboxData.FIRST_ORDER_ID;
      if (index >= 0 && index < data.orders.count()) {
        orders.add((int) index);
      }
    }
    List<ObjectNode> rows = new ArrayList<>();
    int position = 0;
    for (int order : orders) {
      int count = data.lineCount(order);
      for (int line = 1; line <= count; line++, position++) {
        if (position >= offset && rows.size() < limit) {
          rows.add(project(query, data.line(order, line, now), zone));
        }
      }
    }
    return new Result(rows, position);
  }

  /**
   * A row with the query's columns, as SuiteQL sends it: text values (datetimes in the account's
   * {@code zone}), empty columns left out.
   */
  static ObjectNode project(SuiteQlQuery query, SandboxRow row, ZoneId zone) {
    ObjectNode out = Json.mapper().createObjectNode();
    for (Item item : query.select()) {
      String value =
          switch (item) {
            case Plain plain -> text(row.values().get(plain.column()), null, zone);
            case ToChar toChar -> text(row.values().get(toChar.column()), toChar.format(), zone);
            case Display display ->
                row.displays()
                    .getOrDefault(
                        display.column(), text(row.values().get(display.column()), null, zone));
          };
      if (value != null) {
        out.put(item.alias(), value);
      }
    }
    return out;
  }

  private static void column(Table table, String name, String column) throws Rejected {
    if (!table.columns().contains(column)) {
      throw new Rejected(
          "Field '"
              + column
              + "' for record '"
              + name
              + "' was not found. Reason: NOT_EXPOSED - Not"
              + " available for channel SEARCH");
    }
  }

  private static String text(Object value, String format, ZoneId zone) {
    return switch (value) {
      case null -> null;
      case Instant instant when SuiteQlQuery.DATETIME_FORMAT.equals(format) ->
          DATETIME.format(instant.atZone(zone));
      case Instant instant -> text(LocalDate.ofInstant(instant, zone), format, zone);
      case LocalDate date when SuiteQlQuery.DATE_FORMAT.equals(format) -> date.toString();
      case LocalDate date when SuiteQlQuery.DATETIME_FORMAT.equals(format) -> date + " 00:00:00";
      case LocalDate date -> USER_DATE.format(date);
      default -> value.toString();
    };
  }

  private static Long max(Long a, long b) {
    return a == null ? b : Math.max(a, b);
  }

  private static Long min(Long a, long b) {
    return a == null ? b : Math.min(a, b);
  }
}
