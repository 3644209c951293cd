package io.millflow.connector.snowflake;

import io.millflow.connector.sql.testing.StepDeclarations;
import org.junit.jupiter.api.Test;

class SnowflakeStepsTest {

  @Test
  void declaresTheStepsAndTesterTheEngineRegisters() {
    SnowflakeDataSources dataSources = new SnowflakeDataSources();
    StepDeclarations.assertDeclared(
        "snowflake",
        new SnowflakeWrite(dataSources),
        new SnowflakeQuery(dataSources),
        new SnowflakeConnectionTester());
  }
}
