package io.millflow.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResolvedSecretsTest {

  private static final String VALUE = "s3cr3t-value";

  @Test
  void fillsInTheLookedUpReferencesAndLeavesOthersAsWritten() {
    ResolvedSecrets secrets =
        new ResolvedSecrets(Map.of("db", VALUE), Map.of(), Map.of("parameters", Set.of("db")));

    Map<String, Object> filled =
        secrets.fillIn(
            Map.of("parameters", Map.of("p", "{{ secrets.db }}"), "cursor", "{{secrets.other}}"),
            "postgres.query",
            "read");

    assertThat(filled)
        .isEqualTo(Map.of("parameters", Map.of("p", VALUE), "cursor", "{{secrets.other}}"));
    assertThat(secrets.redaction().apply("was " + VALUE)).isEqualTo("was {{secrets.db}}");
  }

  @Test
  void aReferenceThatArrivesAsDataIsNeverFilledIn() {
    ResolvedSecrets secrets =
        new ResolvedSecrets(Map.of("db", VALUE), Map.of(), Map.of("parameters", Set.of("db")));

    // A webhook sender put the reference into the payload that the flow maps into the step's body
    // input.
    Map<String, Object> filled =
        secrets.fillIn(
            Map.of(
                "parameters",
                Map.of("p", "{{secrets.db}}"),
                "body",
                Map.of("note", "{{secrets.db}}")),
            "webhook.send",
            "notify");

    assertThat(filled.get("body")).isEqualTo(Map.of("note", "{{secrets.db}}"));
    assertThat(filled.get("parameters")).isEqualTo(Map.of("p", VALUE));
  }

  @Test
  void aReferenceToASecretThatCouldNotBeResolvedNamesItAndWhatToDo() {
    ResolvedSecrets secrets =
        new ResolvedSecrets(
            Map.of(),
            Map.of("gone", "which does not exist. Create it."),
            Map.of("sql", Set.of("gone")));

    assertThatThrownBy(
            () -> secrets.fillIn(Map.of("sql", "{{secrets.gone}}"), "postgres.query", "read"))
        .isInstanceOf(InvalidStepInputException.class)
        .hasMessage(
            "Invalid input for step 'postgres.query' at element 'read': it refers to the secret 'gone',"
                + " which does not exist. Create it.");
  }
}
