package io.millflow.connector.idhammar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.step.Connection;
import io.millflow.step.ConnectionKind;
import io.millflow.step.ReauthRequiredException;
import io.millflow.step.StepFailure;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdhammarConnectionTest {

  private static final ConnectionKind<IdhammarConnection> IDHAMMAR =
      ConnectionKind.of(IdhammarConnection.class);

  private static Connection oee(Map<String, String> settings, Map<String, String> credentials) {
    return new Connection("oee", "idhammar", settings, credentials);
  }

  @Test
  void bindsAStoredConnectionWithDefaults() {
    IdhammarConnection bound =
        IDHAMMAR.bind(
            oee(
                Map.of("baseUrl", "https://oee.example.com/", "siteId", " S1 "),
                Map.of("apiToken", "t")));

    assertThat(bound)
        .isEqualTo(
            new IdhammarConnection(URI.create("https://oee.example.com"), "S1", 600, 60, "t"));
  }

  @Test
  void aMissingUrlIsIncompleteAndAMissingTokenNeedsReauth() {
    assertThatThrownBy(() -> IDHAMMAR.bind(oee(Map.of(), Map.of("apiToken", "t"))))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("CONNECTION_INCOMPLETE"))
        .hasMessageContaining("field 'settings.baseUrl' is missing");
    assertThatThrownBy(
            () -> IDHAMMAR.bind(oee(Map.of("baseUrl", "https://oee.example.com"), Map.of())))
        .isInstanceOf(ReauthRequiredException.class)
        .hasMessageContaining("field 'credentials.apiToken' is missing");
  }

  @Test
  void refusesAWrongTypedSettingNamingTheField() {
    assertThatThrownBy(
            () ->
                IDHAMMAR.bind(
                    oee(
                        Map.of("baseUrl", "https://oee.example.com", "timeoutSeconds", "soon"),
                        Map.of("apiToken", "t"))))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("CONNECTION_INVALID"))
        .hasMessageContaining("field 'settings.timeoutSeconds' has a value of the wrong type");
  }

  @Test
  void hidesTheTokenInToString() {
    assertThat(
            new IdhammarConnection(URI.create("https://oee.example.com"), null, 1, 1, "t-secret")
                .toString())
        .contains("apiToken=(hidden)")
        .doesNotContain("t-secret");
  }
}
