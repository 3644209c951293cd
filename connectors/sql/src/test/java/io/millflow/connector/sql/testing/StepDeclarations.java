package io.millflow.connector.sql.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.connector.sql.SqlQueryInput;
import io.millflow.connector.sql.SqlWriteInput;
import io.millflow.step.ConnectionTester;
import io.millflow.step.Step;
import io.millflow.step.StepDescriptor;

/**
 * What the engine registers of a SQL connector: its write and query steps with the shared inputs,
 * and its tester.
 */
public final class StepDeclarations {

  private StepDeclarations() {}

  public static void assertDeclared(
      String type, Step<?, ?> write, Step<?, ?> query, ConnectionTester tester) {
    StepDescriptor writes = StepDescriptor.of(write);
    StepDescriptor queries = StepDescriptor.of(query);
    assertThat(writes.id()).isEqualTo(type + ".write");
    assertThat(writes.inputType()).isEqualTo(SqlWriteInput.class);
    assertThat(queries.id()).isEqualTo(type + ".query");
    assertThat(queries.inputType()).isEqualTo(SqlQueryInput.class);
    assertThat(writes.type().group()).isEqualTo("Databases");
    assertThat(queries.type().group()).isEqualTo("Databases");
    assertThat(tester.type()).isEqualTo(type);
  }
}
