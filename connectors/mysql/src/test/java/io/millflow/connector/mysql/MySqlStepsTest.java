package io.millflow.connector.mysql;

import io.millflow.connector.sql.testing.StepDeclarations;
import org.junit.jupiter.api.Test;

class MySqlStepsTest {

  @Test
  void declaresTheStepsAndTesterTheEngineRegisters() {
    MySqlDataSources dataSources = new MySqlDataSources();
    StepDeclarations.assertDeclared(
        "mysql",
        new MySqlWrite(dataSources),
        new MySqlQuery(dataSources),
        new MySqlConnectionTester());
  }
}
