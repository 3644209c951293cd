package io.millflow.connector.postgres;

import io.millflow.connector.sql.testing.StepDeclarations;
import org.junit.jupiter.api.Test;

class PostgresStepsTest {

  @Test
  void declaresTheStepsAndTesterTheEngineRegisters() {
    PostgresDataSources dataSources = new PostgresDataSources();
    StepDeclarations.assertDeclared(
        "postgres",
        new PostgresWrite(dataSources),
        new PostgresQuery(dataSources),
        new PostgresConnectionTester());
  }
}
