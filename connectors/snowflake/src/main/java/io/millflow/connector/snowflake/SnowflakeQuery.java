package io.millflow.connector.snowflake;

import io.millflow.connector.sql.QueryRun;
import io.millflow.connector.sql.SqlQueryInput;
import io.millflow.step.Connection;
import io.millflow.step.ReadResult;
import io.millflow.step.Step;
import io.millflow.step.StepContext;
import io.millflow.step.StepType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * Runs a SELECT with named parameters and streams its rows into a {@code row} dataset (README.md).
 * The input ({@link SqlQueryInput}) is the same for every SQL query step; values only ever reach
 * Snowflake as bound parameters.
 */
@Singleton
@StepType(
    id = "snowflake.query",
    name = "Query Snowflake",
    group = "Databases",
    timeoutSeconds = 1800,
    description =
        "Runs a SELECT with named parameters and streams the rows into a dataset, optionally incrementally.")
public final class SnowflakeQuery implements Step<SqlQueryInput, ReadResult> {

  private final Function<Connection, Jdbi> jdbi;
  private final QueryRun query = new QueryRun(new SnowflakeQueryDialect());

  @Inject
  public SnowflakeQuery(SnowflakeDataSources dataSources) {
    this(dataSources::jdbi);
  }

  SnowflakeQuery(Function<Connection, Jdbi> jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public ReadResult run(SqlQueryInput input, StepContext context) {
    Connection connection = context.connection(input.connection());
    SnowflakeSettings.of(
        connection); // a connection of another type fails here, before any pool is opened
    return query.run(input, jdbi.apply(connection), context);
  }
}
