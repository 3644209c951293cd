package io.millflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TenantSetupTest {

  @Test
  void findsTheSecretsFlowsReferTo() {
    assertThat(
            TenantSetup.secretsUsedBy(
                List.of("source=\"={{secrets.api-key}}\" x {{ secrets.db_password }}", "none")))
        .containsExactly("api-key", "db_password");
  }

  @Test
  void findsConnectionsNamedAsLiteralsOrFeelStringsWhateverTheNamespacePrefix() {
    String bpmn =
        """
        <zeebe:input source="plex-sandbox" target="connection" />
        <ns0:input source="=&quot;exports&quot;" target="connection"/>
        <zeebe:input target="connection" source="warehouse" />
        <zeebe:input source="=conn" target="other" />
        """;
    TenantSetup setup = new TenantSetup(Map.of("f", bpmn), Map.of(), Map.of(), Map.of(), Set.of());

    assertThat(setup.connectionsUsedByFlows())
        .containsExactly("exports", "plex-sandbox", "warehouse");
  }
}
