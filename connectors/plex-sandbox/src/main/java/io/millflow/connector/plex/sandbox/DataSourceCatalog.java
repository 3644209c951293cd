package io.millflow.connector.plex.sandbox;

import io.millflow.connector.plex.protocol.PlexTimestamps;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The sandbox's Plex data sources, as a customer's Plex has them: a custom part-attributes table,
 * quality checks that need a part number, container transactions large enough to hit the row limit,
 * and one the web-service account may not run. Rows are generated from the seed and the sandbox's
 * parts, so part numbers match {@code /mdm/v1/parts}.
 */
final class DataSourceCatalog {

  /** Rows one execution returns at most; more sets {@code rowLimitedExceeded}. */
  static final int ROW_LIMIT = 1_000;

  static final int PART_ATTRIBUTES = 18431,
      QUALITY_CHECKS = 22907,
      CONTAINER_TRANSACTIONS = 30115,
      PAYROLL = 40001;

  record Input(String name, String type, boolean required) {}

  /**
   * @param accessible whether the sandbox's web-service account has been granted it
   */
  record DataSource(
      int id, String name, List<Input> inputs, List<String> columns, boolean accessible) {}

  private static final String[] ATTRIBUTES = {
    "Customer_Drawing", "Material_Cert_Required", "Shelf_Life_Days"
  };
  private static final String[] CHARACTERISTICS = {
    "Outer diameter", "Length", "Hardness HRC", "Surface Ra"
  };
  private static final String[] TRANSACTION_TYPES = {"Receive", "Move", "Consume", "Adjust"};
  private static final int TRANSACTIONS_PER_DAY = 300;

  private final Seeds seeds;
  private final int parts;
  private final Instant dataEnd;
  private final Map<Integer, DataSource> sources =
      Map.of(
          PART_ATTRIBUTES,
              new DataSource(
                  PART_ATTRIBUTES,
                  "Part_Attributes_Get",
                  List.of(new Input("Part_No", "string", false)),
                  List.of("Part_Key", "Part_No", "Attribute_Name", "Attribute_Value"),
                  true),
          QUALITY_CHECKS,
              new DataSource(
                  QUALITY_CHECKS,
                  "Quality_Checks_Get",
                  List.of(
                      new Input("Part_No", "string", true), new Input("Max_Checks", "int", false)),
                  List.of(
                      "Check_Key",
                      "Part_No",
                      "Characteristic",
                      "Nominal",
                      "Measured",
                      "Result",
                      "Checked_Date"),
                  true),
          CONTAINER_TRANSACTIONS,
              new DataSource(
                  CONTAINER_TRANSACTIONS,
                  "Container_Transactions_Get",
                  List.of(
                      new Input("Days", "int", true),
                      new Input("Include_Adjustments", "boolean", false)),
                  List.of(
                      "Transaction_Key",
                      "Serial_No",
                      "Transaction_Type",
                      "Quantity",
                      "Transaction_Date"),
                  true),
          PAYROLL,
              new DataSource(
                  PAYROLL,
                  "Payroll_Summary_Get",
                  List.of(),
                  List.of("Employee_No", "Hours"),
                  false));

  DataSourceCatalog(PlexSandboxConfig config) {
    this.seeds = new Seeds(config.seed());
    this.parts = config.parts();
    this.dataEnd = config.dataEnd();
  }

  Optional<DataSource> find(String id) {
    try {
      return Optional.ofNullable(sources.get(Integer.parseInt(id)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * The rows of an execution with checked inputs, each in the order of the data source's columns.
   */
  List<List<Object>> rows(DataSource source, Map<String, Object> inputs) {
    return switch (source.id()) {
      case PART_ATTRIBUTES -> partAttributes((String) inputs.get("Part_No"));
      case QUALITY_CHECKS ->
          qualityChecks(
              (String) inputs.get("Part_No"), (Integer) inputs.getOrDefault("Max_Checks", 20));
      case CONTAINER_TRANSACTIONS ->
          transactions(
              (Integer) inputs.get("Days"), Boolean.TRUE.equals(inputs.get("Include_Adjustments")));
      default -> List.of();
    };
  }

  private List<List<Object>> partAttributes(String partNo) {
    List<List<Object>> rows = new ArrayList<>();
    for (int part = 0; part < parts; part++) {
      String number = MasterDataGenerator.partNumber(part);
      if (partNo != null && !partNo.equals(number)) {
        continue;
      }
      SplittableRandom random = seeds.random(Seeds.PART, part, 7);
      rows.add(
          List.of(
              8_265_000 + part, number, ATTRIBUTES[0], "DWG-" + (40_000 + random.nextInt(9_999))));
      rows.add(
          List.of(8_265_000 + part, number, ATTRIBUTES[1], random.nextBoolean() ? "Yes" : "No"));
      rows.add(
          List.of(
              8_265_000 + part, number, ATTRIBUTES[2], String.valueOf(random.nextInt(30, 720))));
    }
    return rows;
  }

  private List<List<Object>> qualityChecks(String partNo, int maxChecks) {
    int part =
        IntStream.range(0, parts)
            .filter(i -> MasterDataGenerator.partNumber(i).equals(partNo))
            .findFirst()
            .orElse(-1);
    if (part < 0) {
      return List.of();
    }
    List<List<Object>> rows = new ArrayList<>();
    for (int check = 0; check < maxChecks; check++) {
      SplittableRandom random = seeds.random(Seeds.PART, part, 100 + check);
      BigDecimal nominal = BigDecimal.valueOf(random.nextLong(1_000, 90_000), 3);
      BigDecimal measured = nominal.add(BigDecimal.valueOf(random.nextLong(-60, 60), 3));
      boolean pass = measured.subtract(nominal).abs().compareTo(new BigDecimal("0.050")) <= 0;
      rows.add(
          List.of(
              5_100_000 + part * 1_000 + check,
              partNo,
              CHARACTERISTICS[check % CHARACTERISTICS.length],
              nominal,
              measured,
              pass ? "Pass" : "Fail",
              PlexTimestamps.format(
                  dataEnd.minus(Duration.ofHours(check * 6L + random.nextInt(6))))));
    }
    return rows;
  }

  private List<List<Object>> transactions(int days, boolean adjustments) {
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < days * TRANSACTIONS_PER_DAY; i++) {
      SplittableRandom random = seeds.random(Seeds.CONTAINER, i, 9);
      String type = TRANSACTION_TYPES[random.nextInt(TRANSACTION_TYPES.length)];
      if (type.equals("Adjust") && !adjustments) {
        continue;
      }
      rows.add(
          List.of(
              9_000_000 + i,
              "S%08d".formatted(random.nextInt(1, 1_000)),
              type,
              BigDecimal.valueOf(random.nextLong(1, 10_000), 1),
              PlexTimestamps.format(
                  dataEnd.minus(Duration.ofSeconds(i * 86_400L / TRANSACTIONS_PER_DAY)))));
    }
    return rows;
  }
}
