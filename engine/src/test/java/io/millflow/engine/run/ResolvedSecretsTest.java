package io.millflow.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ResolvedSecretsTest {

  private static final String VALUE = "s3cr3t-value";

  @Test
  void fillsInTheLookedUpReferencesAndLeavesOthersAsWritten() {
    ResolvedSecrets secrets = new ResolvedSecrets(Map.of("db", VALUE), Map.of());

    Map<String, Object> filled = secrets.fillIn(Map.of("parameters", Map.of("p", "{{ secrets.db }}"),
        "cursor", "{{secrets.other}}"), "postgres.query", "read");

    assertThat(filled).isEqualTo(Map.of("parameters", Map.of("p", VALUE), "cursor", "{{secrets.other}}"));
    assertThat(secrets.redaction().apply("was " + VALUE)).isEqualTo("was {{secrets.db}}");
  }

  @Test
  void aReferenceToASecretThatCouldNotBeResolvedNamesItAndWhatToDo() {
    ResolvedSecrets secrets = new ResolvedSecrets(Map.of(), Map.of("gone", "which does not exist. Create it."));

    assertThatThrownBy(() -> secrets.fillIn(Map.of("sql", "{{secrets.gone}}"), "postgres.query", "read"))
        .isInstanceOf(InvalidStepInputException.class)
        .hasMessage("Invalid input for step 'postgres.query' at element 'read': it refers to the secret 'gone',"
            + " which does not exist. Create it.");
  }
}
