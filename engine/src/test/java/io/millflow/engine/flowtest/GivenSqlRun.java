package io.millflow.engine.flowtest;

import io.millflow.engine.flowtest.FlowTestFile.GivenSql;
import io.millflow.step.Connection;
import java.util.Set;

/**
 * Runs a case's {@code given.sql} statements against a PostgreSQL or MySQL connection, in order and
 * in one transaction; a statement that fails names its connection and its position, not its text.
 */
final class GivenSqlRun {

  private static final Set<String> SQL_TYPES = Set.of("postgres", "mysql");

  private GivenSqlRun() {}

  static void run(Connection connection, GivenSql given) {
    if (!SQL_TYPES.contains(connection.type())) {
      throw new FlowTestFormatException(
          "given.sql: connection '"
              + given.connection()
              + "' is a "
              + connection.type()
              + " connection, not one of "
              + SQL_TYPES);
    }
    SinkContents.jdbi(connection)
        .useTransaction(
            h -> {
              for (int i = 0; i < given.statements().size(); i++) {
                try {
                  h.execute(given.statements().get(i));
                } catch (RuntimeException e) {
                  throw new FlowTestFormatException(
                      "given.sql: statement "
                          + (i + 1)
                          + " on connection '"
                          + given.connection()
                          + "' failed: "
                          + e.getMessage());
                }
              }
            });
  }
}
