package io.millflow.connector.postgres;

import io.millflow.connector.sql.QueryRun;
import io.millflow.connector.sql.SqlQueryInput;
import io.millflow.step.ReadResult;
import io.millflow.step.Step;
import io.millflow.step.StepContext;
import io.millflow.step.StepType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Runs a SELECT with named parameters and streams its rows into a {@code row} dataset (types and
 * cursor in README.md). The input ({@link SqlQueryInput}) is the same for every SQL query step.
 */
@Singleton
@StepType(
    id = "postgres.query",
    name = "Query PostgreSQL",
    group = "Databases",
    timeoutSeconds = 900,
    description =
        "Runs a SELECT with named parameters and streams the rows into a dataset, optionally incrementally.")
public final class PostgresQuery implements Step<SqlQueryInput, ReadResult> {

  private final PostgresDataSources dataSources;
  private final QueryRun query = new QueryRun(new PostgresQueryDialect());

  @Inject
  public PostgresQuery(PostgresDataSources dataSources) {
    this.dataSources = dataSources;
  }

  @Override
  public ReadResult run(SqlQueryInput input, StepContext context) {
    return query.run(input, dataSources.jdbi(context.connection(input.connection())), context);
  }
}
