package io.millflow.connector.plex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.step.Connection;
import io.millflow.step.ConnectionKind;
import io.millflow.step.InvalidConnectionException;
import io.millflow.step.ReauthRequiredException;
import io.millflow.step.StepFailure;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlexConnectionTest {

  private static final ConnectionKind<PlexConnection> PLEX =
      ConnectionKind.of(PlexConnection.class);

  private static Connection plex(Map<String, String> settings, Map<String, String> credentials) {
    return new Connection("plex-prod", "plex", settings, credentials);
  }

  @Test
  void bindsAStoredConnectionWithDefaultsAndWithoutTrailingSlash() {
    PlexConnection bound =
        PLEX.bind(
            plex(
                Map.of("baseUrl", "https://connect.plex.com/", "tenantId", "t-1"),
                Map.of("apiKey", "k-1")));

    assertThat(bound.baseUrl()).isEqualTo(URI.create("https://connect.plex.com"));
    assertThat(bound.tenantId()).isEqualTo("t-1");
    assertThat(bound.rateLimitPerMinute()).isEqualTo(200);
    assertThat(bound.timeoutSeconds()).isEqualTo(60);
    assertThat(bound.dataSourceBaseUrl()).isNull();
  }

  @Test
  void aMissingBaseUrlIsIncompleteAndTheConnectApiNeedsTheKey() {
    assertThatThrownBy(() -> PLEX.bind(plex(Map.of(), Map.of("apiKey", "k"))))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("CONNECTION_INCOMPLETE"))
        .hasMessageContaining("field 'settings.baseUrl' is missing");
    PlexConnection withoutKey =
        PLEX.bind(plex(Map.of("baseUrl", "https://connect.plex.com"), Map.of()));
    assertThatThrownBy(() -> PlexConnectionSettings.of("plex-prod", withoutKey))
        .isInstanceOf(ReauthRequiredException.class)
        .hasMessageContaining("no credential 'apiKey'");
  }

  @Test
  void refusesAWrongTypedRateLimitNamingTheField() {
    assertThatThrownBy(
            () ->
                PLEX.validate(
                    plex(
                        Map.of("baseUrl", "https://connect.plex.com", "rateLimitPerMinute", "fast"),
                        Map.of("apiKey", "k"))))
        .isInstanceOf(InvalidConnectionException.class)
        .hasMessageContaining("field 'settings.rateLimitPerMinute' has a value of the wrong type");
    assertThatThrownBy(
            () ->
                PLEX.validate(
                    plex(
                        Map.of("baseUrl", "connect.plex.com", "timeoutSeconds", "0"),
                        Map.of("apiKey", "k"))))
        .hasMessageContaining("field 'settings.baseUrl' must be an http(s) URL")
        .hasMessageContaining("field 'settings.timeoutSeconds' must be greater than or equal to 1");
  }

  @Test
  void hidesTheKeyAndThePasswordInToString() {
    PlexConnection bound =
        PLEX.bind(
            plex(
                Map.of(
                    "baseUrl",
                    "https://connect.plex.com",
                    "dataSourceBaseUrl",
                    "https://cloud.plex.com"),
                Map.of("apiKey", "k-secret", "username", "ws-user", "password", "p-secret")));

    assertThat(bound.toString())
        .contains("username=ws-user", "apiKey=(hidden)", "password=(hidden)")
        .doesNotContain("k-secret", "p-secret");
  }
}
