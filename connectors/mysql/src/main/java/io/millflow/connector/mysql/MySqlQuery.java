package io.millflow.connector.mysql;

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
    id = "mysql.query",
    name = "Query MySQL",
    group = "Databases",
    timeoutSeconds = 900,
    description =
        "Runs a SELECT with named parameters and streams the rows into a dataset, optionally incrementally.")
public final class MySqlQuery implements Step<SqlQueryInput, ReadResult> {

  private final MySqlDataSources dataSources;
  private final QueryRun query = new QueryRun(new MySqlQueryDialect());

  @Inject
  public MySqlQuery(MySqlDataSources dataSources) {
    this.dataSources = dataSources;
  }

  @Override
  public ReadResult run(SqlQueryInput input, StepContext context) {
    return query.run(input, dataSources.jdbi(context.connection(input.connection())), context);
  }
}
