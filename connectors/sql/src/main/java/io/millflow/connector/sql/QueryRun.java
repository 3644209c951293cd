package io.millflow.connector.sql;

import io.millflow.step.DatasetWriter;
import io.millflow.step.Json;
import io.millflow.step.ReadResult;
import io.millflow.step.StepContext;
import io.millflow.step.StepException;
import io.millflow.step.StepFailure;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * What the SQL query steps share: binds the named parameters, runs the statement in a read-only
 * transaction, streams the rows into a {@code row} dataset as JSON objects (one field per result
 * column, see {@link ColumnValues}) and returns the greatest value of the cursor column as the next
 * cursor.
 */
public final class QueryRun {

  /** The parameter the incremental cursor is bound to. */
  public static final String CURSOR_PARAMETER = "cursor";

  public static final String ENTITY = "row";
  static final int PROGRESS_EVERY = 10_000;

  private final QueryDialect dialect;

  public QueryRun(QueryDialect dialect) {
    this.dialect = dialect;
  }

  public ReadResult run(SqlQueryInput request, Jdbi jdbi, StepContext context) {
    QueryText query = QueryText.of(request.sql());
    Map<String, Object> values = values(query, request);
    Object cursorBound = values.get(CURSOR_PARAMETER);
    try (DatasetWriter writer = context.datasets().create(ENTITY)) {
      String cursor =
          jdbi.withHandle(
              handle -> {
                // Read-only at the database as well: it refuses what the SELECT/WITH check cannot
                // see.
                handle.setReadOnly(true);
                return handle.inTransaction(
                    transaction -> stream(transaction, query, values, request, writer, context));
              });
      ReadResult result =
          new ReadResult(
              writer.finish(),
              cursor != null ? cursor : cursorBound == null ? null : cursorBound.toString());
      context
          .log()
          .info(
              "Read "
                  + result.records().count()
                  + " rows"
                  + (result.cursor() == null ? "" : "; cursor " + result.cursor()));
      return result;
    } catch (StepException e) {
      throw e;
    } catch (RuntimeException e) {
      throw dialect.translate(e, request.connection());
    }
  }

  /** The value of every parameter the statement uses, as {@link #bindable}. */
  private static Map<String, Object> values(QueryText query, SqlQueryInput request) {
    Map<String, Object> given = request.parameters() == null ? Map.of() : request.parameters();
    Map<String, Object> values = new LinkedHashMap<>();
    for (String name : query.parameterNames()) {
      boolean fromCursor =
          name.equals(CURSOR_PARAMETER)
              && request.cursorAfter() != null
              && !request.cursorAfter().isBlank();
      if (!fromCursor && !given.containsKey(name)) {
        throw new StepFailure(
            "MISSING_PARAMETER",
            "The step's 'sql' uses the parameter ':"
                + name
                + "' but 'parameters'"
                + " has no value for '"
                + name
                + "'"
                + (name.equals(CURSOR_PARAMETER)
                    ? " and 'cursorAfter' is empty: give the first run's starting point as parameters.cursor"
                    : "")
                + ".");
      }
      values.put(name, bindable(fromCursor ? request.cursorAfter() : given.get(name)));
    }
    return values;
  }

  /**
   * A nested value as its JSON text; a floating-point number as the exact decimal it was written
   * as.
   */
  private static Object bindable(Object value) {
    return switch (value) {
      case Map<?, ?> map -> Json.mapper().valueToTree(map).toString();
      case List<?> list -> Json.mapper().valueToTree(list).toString();
      case Double number -> BigDecimal.valueOf(number);
      case Float number -> new BigDecimal(number.toString());
      case null, default -> value;
    };
  }

  private String stream(
      Handle handle,
      QueryText text,
      Map<String, Object> values,
      SqlQueryInput request,
      DatasetWriter writer,
      StepContext context) {
    Query query = handle.createQuery(text.sql()).setFetchSize(dialect.fetchSize());
    if (request.maxRows() != null) {
      query.setMaxRows(request.maxRows());
    }
    values.forEach((name, value) -> dialect.bind(query, name, value));
    return query.scanResultSet(
        (results, statementContext) -> copy(results.get(), request, writer, context));
  }

  private String copy(
      ResultSet rows, SqlQueryInput request, DatasetWriter writer, StepContext context)
      throws SQLException {
    ResultSetMetaData metaData = rows.getMetaData();
    List<String> labels = labels(metaData);
    int cursorIndex = cursorIndex(labels, request.cursorColumn());
    GreatestValue greatest = new GreatestValue(request.cursorColumn());
    ColumnValues columns = new ColumnValues(metaData, dialect);
    long count = 0;
    while (rows.next()) {
      Map<String, Object> record = new LinkedHashMap<>();
      for (int i = 0; i < labels.size(); i++) {
        Object value = columns.read(rows, i + 1);
        if (i == cursorIndex) {
          greatest.offer(value);
        }
        // Written as text here rather than left to the store's JSON mapping, so every store writes
        // the same form.
        record.put(labels.get(i), value instanceof Instant instant ? instant.toString() : value);
      }
      writer.add(record);
      if (++count % PROGRESS_EVERY == 0) {
        context.progress(count, -1);
      }
    }
    context.progress(count, count);
    return greatest.text();
  }

  private static List<String> labels(ResultSetMetaData metaData) throws SQLException {
    List<String> labels = new ArrayList<>(metaData.getColumnCount());
    for (int i = 1; i <= metaData.getColumnCount(); i++) {
      String label = metaData.getColumnLabel(i);
      if (labels.contains(label)) {
        throw new StepFailure(
            "DUPLICATE_COLUMN",
            "The query returns two columns named '"
                + label
                + "': give one an"
                + " alias in the step's 'sql' (AS other_name), as each becomes a field of the records.");
      }
      labels.add(label);
    }
    return labels;
  }

  private static int cursorIndex(List<String> labels, String cursorColumn) {
    if (cursorColumn == null || cursorColumn.isBlank()) {
      return -1;
    }
    for (int i = 0; i < labels.size(); i++) {
      if (labels.get(i).equalsIgnoreCase(cursorColumn.strip())) {
        return i;
      }
    }
    throw new StepFailure(
        "UNKNOWN_CURSOR_COLUMN",
        "The step's 'cursorColumn' '"
            + cursorColumn
            + "' is not a column"
            + " of the query's result; its columns are "
            + labels
            + ".");
  }
}
