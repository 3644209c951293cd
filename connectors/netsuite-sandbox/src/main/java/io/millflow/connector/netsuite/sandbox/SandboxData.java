package io.millflow.connector.netsuite.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/**
 * The sandbox's vendors, inventory items and purchase orders with their lines, made from the seed
 * and a record's index whenever asked for, never stored: only the {@link Timeline}s of their
 * modification times are in memory (16 bytes a record), so a million purchase-order lines cost
 * about 3 MB. A record that changed (its version went up) shows it: a purchase order moves on in
 * its status and its lines receive more; an item's quantity on hand moves.
 */
final class SandboxData {

  static final int FIRST_VENDOR_ID = 2_001;
  static final int FIRST_ITEM_ID = 501;
  static final int FIRST_ORDER_ID = 10_001;
  private static final long VENDOR = 1, ITEM = 2, ORDER = 3, LINE = 4;
  private static final String[] COMPANY = {
    "Acme Castings",
    "Northwind Fasteners",
    "Great Lakes Steel",
    "Bolt & Nut Co",
    "Precision Bearings",
    "Delta Hydraulics",
    "Summit Plastics",
    "Ironworks Supply",
    "Prairie Packaging",
    "Keystone Tooling"
  };
  private static final String[] SUFFIX = {"Inc.", "LLC", "GmbH", "S.A. de C.V.", "Ltd."};
  private static final String[][] CURRENCIES = {
    {"1", "USD"}, {"1", "USD"}, {"4", "EUR"}, {"3", "CAD"}, {"5", "MXN"}
  };
  private static final String[][] TERMS = {
    {"2", "Net 30"}, {"3", "Net 45"}, {"4", "Net 60"}, {"1", "1% 10 Net 30"}
  };
  private static final String[][] STATUSES = {
    {"B", "Pending Receipt"},
    {"D", "Partially Received"},
    {"E", "Pending Billing/Partially Received"},
    {"F", "Pending Bill"},
    {"G", "Fully Billed"}
  };
  private static final String[][] UNITS = {
    {"1", "ea"}, {"2", "kg"}, {"3", "m"}, {"4", "l"}, {"5", "roll"}
  };
  private static final String[][] LOCATIONS = {
    {"1", "Grand Rapids Plant 1"}, {"2", "Grand Rapids Plant 2"}, {"3", "Apodaca Plant"}
  };
  private static final String[] PARTS = {
    "Bearing 6204-2RS",
    "Hex bolt M8x40 8.8 zinc",
    "Cold-rolled steel coil 1.2 mm",
    "Hydraulic hose 1/2in",
    "PA66 GF30 resin pellets",
    "Cutting insert CNMG 120408",
    "Shrink wrap 500 mm",
    "Coolant concentrate"
  };

  private final NetSuiteSandboxConfig config;
  final Timeline vendors;
  final Timeline items;
  final Timeline orders;

  SandboxData(NetSuiteSandboxConfig config) {
    this.config = config;
    long end = config.dataEnd().getEpochSecond();
    long start = config.dataEnd().minus(config.period()).getEpochSecond();
    long every = Math.max(1, config.changeEvery().toSeconds());
    this.vendors =
        new Timeline(
            config.seed() ^ VENDOR, config.vendors(), start, end, config.changeShare(), every);
    this.items =
        new Timeline(config.seed() ^ ITEM, config.items(), start, end, config.changeShare(), every);
    this.orders =
        new Timeline(
            config.seed() ^ ORDER,
            config.purchaseOrders(),
            start,
            end,
            config.changeShare(),
            every);
  }

  SandboxRow vendor(int index, long now) {
    SplittableRandom random = random(VENDOR, index, 0);
    String[] currency = pick(random, CURRENCIES);
    String[] terms = pick(random, TERMS);
    String company =
        pick(random, COMPANY) + " " + (index / COMPANY.length + 1) + " " + pick(random, SUFFIX);
    return new SandboxRow()
        .put("id", Integer.toString(FIRST_VENDOR_ID + index))
        .put("entityid", "V%05d".formatted(index + 1))
        .put("companyname", company)
        .put("isinactive", random.nextInt(20) == 0 ? "T" : "F")
        .ref("subsidiary", 1, "Millflow Manufacturing Inc.")
        .ref("terms", terms[0], terms[1])
        .ref("currency", currency[0], currency[1])
        .put("email", "purchasing%d@vendor%d.example".formatted(random.nextInt(1, 4), index + 1))
        .put("phone", "+1 616 555 %04d".formatted(random.nextInt(10_000)))
        .put("datecreated", created(vendors, index, random))
        .put("lastmodifieddate", Instant.ofEpochSecond(vendors.modified(index, now)));
  }

  SandboxRow item(int index, long now) {
    SplittableRandom random = random(ITEM, index, 0);
    int version = items.version(index, now);
    String part = PARTS[index % PARTS.length];
    String[] unit = UNITS[index % UNITS.length];
    BigDecimal cost = BigDecimal.valueOf(random.nextLong(50, 500_000), 2);
    long onHand = random.nextLong(0, 5_000) + version * 7L % 400;
    return new SandboxRow()
        .put("id", Integer.toString(FIRST_ITEM_ID + index))
        .put("itemid", "ITM-%05d".formatted(index + 1))
        .put("displayname", part + " #" + (index / PARTS.length + 1))
        .put("purchasedescription", part + ", purchased")
        .put("cost", cost.toPlainString())
        .put(
            "averagecost",
            cost.multiply(BigDecimal.valueOf(random.nextLong(95, 106), 2))
                .setScale(4, RoundingMode.HALF_UP)
                .toPlainString())
        .put("quantityonhand", Long.toString(onHand))
        .put("quantityavailable", Long.toString(Math.max(0, onHand - random.nextLong(0, 200))))
        .ref("stockunit", unit[0], unit[1])
        .put("isinactive", random.nextInt(25) == 0 ? "T" : "F")
        .put("createddate", created(items, index, random))
        .put("lastmodifieddate", Instant.ofEpochSecond(items.modified(index, now)))
        .put("itemtype", "InvtPart");
  }

  int lineCount(int index) {
    return 1 + random(ORDER, index, 0).nextInt(config.maxLinesPerOrder());
  }

  SandboxRow order(int index, long now) {
    SplittableRandom random = random(ORDER, index, 0);
    random.nextInt(config.maxLinesPerOrder()); // the line count, see lineCount
    int version = orders.version(index, now);
    int vendor = random.nextInt(config.vendors());
    String[] currency = pick(random, CURRENCIES);
    String[] terms = pick(random, TERMS);
    String[] status = STATUSES[Math.min(STATUSES.length - 1, random.nextInt(2) + version)];
    Instant created = created(orders, index, random);
    LocalDate date = LocalDate.ofInstant(created, ZoneOffset.UTC);
    BigDecimal total = BigDecimal.ZERO;
    for (int line = 1; line <= lineCount(index); line++) {
      total =
          total.add(new BigDecimal((String) line(index, line, now).values().get("foreignamount")));
    }
    return new SandboxRow()
        .put("id", Integer.toString(FIRST_ORDER_ID + index))
        .put("tranid", "PO%06d".formatted(index + 1))
        .put("transactionnumber", "PURCHORD%06d".formatted(index + 1))
        .put("type", "PurchOrd")
        .put("trandate", date)
        .put("createddate", created)
        .put("lastmodifieddate", Instant.ofEpochSecond(orders.modified(index, now)))
        .ref(
            "entity",
            FIRST_VENDOR_ID + vendor,
            (String) vendor(vendor, now).values().get("companyname"))
        .ref("status", status[0], status[1])
        .ref("approvalstatus", 2, "Approved")
        .ref("currency", currency[0], currency[1])
        .put("exchangerate", currency[1].equals("USD") ? "1" : "1.0" + random.nextInt(10, 99))
        .put("memo", random.nextInt(4) == 0 ? "Deliver to dock " + (1 + random.nextInt(6)) : null)
        .put("foreigntotal", total.toPlainString())
        .put("shipdate", date.plusDays(random.nextInt(3, 20)))
        .put("duedate", date.plusDays(random.nextInt(20, 60)))
        .ref("terms", terms[0], terms[1]);
  }

  /** Line {@code line} (1-based) of order {@code index}; {@code transaction} is the order's id. */
  SandboxRow line(int index, int line, long now) {
    SplittableRandom random = random(LINE, index, line);
    int version = orders.version(index, now);
    int item = random.nextInt(config.items());
    String[] unit = UNITS[item % UNITS.length];
    String[] location = pick(random, LOCATIONS);
    long quantity = random.nextLong(1, 500);
    BigDecimal rate = BigDecimal.valueOf(random.nextLong(5, 50_000), 2);
    long received = Math.min(quantity, quantity * version / 3);
    Instant created = created(orders, index, random(ORDER, index, 0));
    return new SandboxRow()
        .put("transaction", Integer.toString(FIRST_ORDER_ID + index))
        .put("id", Integer.toString(line))
        .put("linesequencenumber", Integer.toString(line))
        .put("mainline", "F")
        .ref("item", FIRST_ITEM_ID + item, "ITM-%05d".formatted(item + 1))
        .put("itemtype", "InvtPart")
        .put("quantity", Long.toString(quantity))
        .put("quantityshiprecv", Long.toString(received))
        .put("quantitybilled", Long.toString(version > 3 ? received : 0))
        .put("rate", rate.toPlainString())
        .put("foreignamount", rate.multiply(BigDecimal.valueOf(quantity)).toPlainString())
        .ref("units", unit[0], unit[1])
        .put("memo", PARTS[item % PARTS.length])
        .ref("location", location[0], location[1])
        .put("isclosed", received == quantity && version > 3 ? "T" : "F")
        .put(
            "expectedreceiptdate",
            LocalDate.ofInstant(created, ZoneOffset.UTC).plusDays(random.nextInt(7, 45)));
  }

  /** A creation time up to 60 days before the record's modification within the history. */
  private static Instant created(Timeline timeline, int index, SplittableRandom random) {
    return Instant.ofEpochSecond(timeline.base(index) - random.nextLong(0, 60L * 86_400));
  }

  private static <T> T pick(SplittableRandom random, T[] values) {
    return values[random.nextInt(values.length)];
  }

  private SplittableRandom random(long kind, long index, long sub) {
    return new SplittableRandom(
        mix(config.seed() ^ mix(kind * 0x9E37_79B9_7F4A_7C15L ^ mix(index * 1_000 + sub))));
  }

  /** SplitMix64's finalizer: neighbouring indexes get unrelated random streams. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
    return z ^ (z >>> 31);
  }
}
