package io.millflow.connector.snowflake;

import static io.millflow.connector.sql.SqlDialect.SNOWFLAKE;

import io.millflow.connector.sql.WriteCounts;
import io.millflow.connector.sql.WriteMode;
import io.millflow.step.RetryableStepException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The statements of one Snowflake write, in the order Snowflake recommends for bulk loads: the
 * tables and a temporary stage are prepared (DDL, committed on its own), the dataset's gzip CSV
 * files are PUT to the stage and COPYed into temporary tables, then one transaction picks the
 * records that change the target ({@code MILLFLOW_CHANGED}), applies them with one MERGE (or
 * INSERT), replaces the nested lines of changed orders, and commits.
 */
final class StagedLoad {

  static final String LOAD_STAGE = "millflow_load";

  /** Temp file paths are ours, but they go into a PUT's text: only plain path characters may. */
  private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9/_.*-]+");

  private final Connection connection;
  private final Map<String, Map<String, String>> tableTypes = new HashMap<>();

  StagedLoad(Connection connection) {
    this.connection = connection;
  }

  /** Creates the load stage and the changed-records table; once per write. */
  void begin() throws SQLException {
    execute(SnowflakeSql.render("load-stage-create", Map.of("stage", SNOWFLAKE.quote(LOAD_STAGE))));
    execute(SnowflakeSql.render("changed-create", Map.of()));
  }

  /** Creates or extends a target table and its staging table; returns the target's column types. */
  Map<String, String> prepare(LoadTable<?> table) throws SQLException {
    Map<String, String> types =
        SnowflakeTables.ensure(connection, table.table(), table.tableColumns(), table.key());
    execute(
        SnowflakeSql.render(
            "stage-table-create",
            Map.of(
                "stage",
                SNOWFLAKE.quote(table.stage()),
                "columns",
                SNOWFLAKE.list(table.names()),
                "target",
                table.table().quoted(SNOWFLAKE))));
    tableTypes.put(table.stage(), types);
    return types;
  }

  /**
   * A row's values as the CSV texts COPY reads for the table's columns (after {@link #prepare}).
   */
  <R> List<String> texts(LoadTable<R> table, R row) {
    List<String> types = dataTypes(table);
    List<String> texts = new ArrayList<>(types.size());
    for (int i = 0; i < types.size(); i++) {
      texts.add(SnowflakeValues.text(table.columns().get(i).valueOf(row), types.get(i)));
    }
    return texts;
  }

  /** The data type of each loaded column, as the table has it. */
  private List<String> dataTypes(LoadTable<?> table) {
    Map<String, String> types = tableTypes.get(table.stage());
    return table.names().stream().map(name -> types.get(name.toUpperCase(Locale.ROOT))).toList();
  }

  /**
   * PUTs the files to the table's folder of the load stage and COPYs them into its staging table.
   */
  void load(LoadTable<?> table, CsvFiles files) throws SQLException {
    if (files.files() == 0) {
      return;
    }
    String source = "file://" + files.pattern();
    if (!SAFE_PATH.matcher(files.pattern()).matches()) {
      throw new IllegalStateException(
          "The temporary directory's path has characters a PUT cannot take: " + files.pattern());
    }
    try (Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery(
                SnowflakeSql.render(
                    "put",
                    Map.of(
                        "files",
                        source,
                        "stage",
                        SNOWFLAKE.quote(LOAD_STAGE),
                        "folder",
                        table.folder())))) {
      while (result.next()) {
        String status = result.getString("status");
        if (!"UPLOADED".equalsIgnoreCase(status) && !"SKIPPED".equalsIgnoreCase(status)) {
          throw new RetryableStepException(
              "Uploading "
                  + result.getString("source")
                  + " to Snowflake ended "
                  + status
                  + ": "
                  + result.getString("message")
                  + "; the step will be retried.");
        }
      }
    }
    execute(
        SnowflakeSql.render(
            "copy",
            Map.of(
                "table",
                SNOWFLAKE.quote(table.stage()),
                "columns",
                SNOWFLAKE.list(table.names()),
                "fields",
                copyFields(table),
                "stage",
                SNOWFLAKE.quote(LOAD_STAGE),
                "folder",
                table.folder())));
  }

  /**
   * The transaction that applies the staged records to the target (and the lines of changed
   * orders).
   */
  WriteCounts apply(LoadTable<?> target, Optional<LoadTable<?>> lines, WriteMode mode, long records)
      throws SQLException {
    connection.setAutoCommit(false);
    try {
      if (mode == WriteMode.REPLACE) {
        execute(
            SnowflakeSql.render(
                "table-truncate", Map.of("table", target.table().quoted(SNOWFLAKE))));
        if (lines.isPresent()) {
          execute(
              SnowflakeSql.render(
                  "table-truncate", Map.of("table", lines.get().table().quoted(SNOWFLAKE))));
        }
      }
      Map<String, String> fragments = fragments(target);
      execute(SnowflakeSql.render(changedTemplate(target, mode), fragments));
      boolean insertOnly =
          target.key().isEmpty() || mode == WriteMode.INSERT || target.valueNames().isEmpty();
      execute(SnowflakeSql.render(insertOnly ? "insert" : "merge", fragments));
      if (lines.isPresent()) {
        execute(
            SnowflakeSql.render(
                "lines-delete",
                Map.of(
                    "lines",
                    lines.get().table().quoted(SNOWFLAKE),
                    "stage",
                    SNOWFLAKE.quote(target.stage()))));
        execute(SnowflakeSql.render("insert", fragments(lines.get())));
      }
      WriteCounts counts = counts(records);
      connection.commit();
      return counts;
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  private static String changedTemplate(LoadTable<?> target, WriteMode mode) {
    if (target.key().isEmpty()) {
      return "changed-all";
    }
    return mode == WriteMode.INSERT ? "changed-insert" : "changed-upsert";
  }

  private WriteCounts counts(long records) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(SnowflakeSql.render("changed-count", Map.of()))) {
      result.next();
      return WriteCounts.ofBatch(records, result.getLong("INSERTED"), result.getLong("UPDATED"));
    }
  }

  /**
   * {@code $1, $2, PARSE_JSON($3), ...}: the staged file's fields, JSON ones parsed into VARIANT.
   */
  private String copyFields(LoadTable<?> table) {
    List<String> types = dataTypes(table);
    List<String> fields = new ArrayList<>();
    for (int i = 0; i < types.size(); i++) {
      fields.add(
          SnowflakeValues.JSON_TYPES.contains(types.get(i))
              ? "PARSE_JSON($" + (i + 1) + ")"
              : "$" + (i + 1));
    }
    fields.add("$" + (types.size() + 1));
    return String.join(", ", fields);
  }

  private static Map<String, String> fragments(LoadTable<?> table) {
    List<String> key = table.key();
    String syncedAt = SNOWFLAKE.quote("synced_at");
    String sourceUpdatedAt = SNOWFLAKE.quote("source_updated_at");
    Map<String, String> fragments = new HashMap<>();
    fragments.put("table", table.table().quoted(SNOWFLAKE));
    fragments.put("stage", SNOWFLAKE.quote(table.stage()));
    fragments.put("key", SNOWFLAKE.list(key));
    fragments.put("firstKey", key.isEmpty() ? "" : SNOWFLAKE.quote(key.get(0)));
    fragments.put("joinOnKey", SnowflakeSql.joinOn(key));
    fragments.put(
        "newestFirst",
        (table.unified() ? sourceUpdatedAt + " DESC NULLS LAST, " : "") + "\"MILLFLOW_SEQ\" DESC");
    fragments.put(
        "newer",
        table.unified()
            ? "(t."
                + sourceUpdatedAt
                + " IS NULL OR s."
                + sourceUpdatedAt
                + " >= t."
                + sourceUpdatedAt
                + ")"
            : "TRUE");
    fragments.put("unchanged", SnowflakeSql.equalNull(table.valueNames()));
    fragments.put(
        "assignments",
        SnowflakeSql.assignments(table.valueNames())
            + (table.unified() ? ", t." + syncedAt + " = CURRENT_TIMESTAMP()" : ""));
    fragments.put(
        "insertColumns", SNOWFLAKE.list(table.names()) + (table.unified() ? ", " + syncedAt : ""));
    fragments.put(
        "insertValues",
        SNOWFLAKE.list("s", table.names()) + (table.unified() ? ", CURRENT_TIMESTAMP()" : ""));
    return fragments;
  }

  private void execute(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
