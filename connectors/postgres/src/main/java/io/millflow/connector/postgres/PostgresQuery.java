package io.millflow.connector.postgres;

import io.millflow.connector.sql.QueryRun;
import io.millflow.step.Param;
import io.millflow.step.ReadResult;
import io.millflow.step.Step;
import io.millflow.step.StepContext;
import io.millflow.step.StepType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.util.Map;

/**
 * Runs a SELECT with named parameters and streams its rows into a {@code row} dataset (types and cursor in README.md).
 * Values only ever reach the statement as bound parameters. For incremental reads the statement compares with
 * {@code :cursor}, e.g. {@code SELECT * FROM orders WHERE updated_at > :cursor ORDER BY updated_at}, with
 * {@code cursorColumn: updated_at} and the first run's start in {@code parameters.cursor}.
 */
@Singleton
@StepType(id = "postgres.query", name = "Query PostgreSQL", group = "Databases", timeoutSeconds = 900,
    description = "Runs a SELECT with named parameters and streams the rows into a dataset, optionally incrementally.")
public final class PostgresQuery implements Step<PostgresQuery.Input, ReadResult> {

  public record Input(
      @Param(label = "Connection", description = "A PostgreSQL connection") @NotBlank String connection,
      @Param(label = "SQL", description = "SELECT or WITH; values as :name parameters, never in the text")
      @NotBlank String sql,
      @Param(label = "Parameters", description = "Values of the statement's :name parameters, by name")
      Map<String, Object> parameters,
      @Param(label = "Cursor column", description = "Result column whose greatest value becomes the next cursor")
      String cursorColumn,
      @Param(label = "Cursor after", description = "Bound as :cursor; empty: the last completed run's cursor",
          cursor = true) String cursorAfter,
      @Param(label = "Max rows", description = "Stop after this many rows; empty: all") @Positive Integer maxRows) {}

  private final PostgresDataSources dataSources;
  private final QueryRun query = new QueryRun(new PostgresQueryDialect());

  @Inject
  public PostgresQuery(PostgresDataSources dataSources) {
    this.dataSources = dataSources;
  }

  @Override
  public ReadResult run(Input input, StepContext context) {
    QueryRun.Request request = new QueryRun.Request(input.connection(), input.sql(), input.parameters(),
        input.cursorColumn(), input.cursorAfter(), input.maxRows());
    return query.run(request, dataSources.jdbi(context.connection(input.connection())), context);
  }
}
