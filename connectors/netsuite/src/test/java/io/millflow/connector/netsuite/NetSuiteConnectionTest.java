package io.millflow.connector.netsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.step.Connection;
import io.millflow.step.ConnectionKind;
import io.millflow.step.ReauthRequiredException;
import io.millflow.step.StepFailure;
import java.net.URI;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetSuiteConnectionTest {

  private static final ConnectionKind<NetSuiteConnection> NETSUITE =
      ConnectionKind.of(NetSuiteConnection.class);
  private static final Map<String, String> TBA =
      Map.of(
          "consumerKey",
          "ck",
          "consumerSecret",
          "cs-secret",
          "tokenId",
          "ti",
          "tokenSecret",
          "ts-secret");

  private static Connection netsuite(
      Map<String, String> settings, Map<String, String> credentials) {
    return new Connection("ns", "netsuite", settings, credentials);
  }

  @Test
  void bindsTokenBasedAuthWithDefaultsAndTheAccountsUrl() {
    NetSuiteConnection bound = NETSUITE.bind(netsuite(Map.of("accountId", "1234567_SB1"), TBA));
    NetSuiteConnectionSettings settings = NetSuiteConnectionSettings.of("ns", bound);

    assertThat(bound.scope()).isEqualTo("rest_webservices");
    assertThat(bound.timeZone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(bound.suiteQlResultLimit()).isEqualTo(100_000);
    assertThat(settings.baseUrl())
        .isEqualTo(URI.create("https://1234567-sb1.suitetalk.api.netsuite.com"));
    assertThat(settings.auth()).isInstanceOf(NetSuiteAuth.Tba.class);
  }

  @Test
  void requiresEveryCredentialOfTheChosenSignInMethod() {
    assertThatThrownBy(
            () -> NETSUITE.bind(netsuite(Map.of("accountId", "1"), Map.of("clientId", "c"))))
        .isInstanceOf(ReauthRequiredException.class)
        .hasMessageContaining("field 'credentials.certificateId' must not be blank (sign-in m2m)")
        .hasMessageContaining("field 'credentials.privateKey' must not be blank (sign-in m2m)");
    assertThatThrownBy(() -> NETSUITE.bind(netsuite(Map.of("accountId", "1"), Map.of())))
        .isInstanceOf(ReauthRequiredException.class)
        .hasMessageContaining(
            "m2m (clientId, certificateId, privateKey) or tba (consumerKey, consumerSecret,");
  }

  @Test
  void refusesWrongTypedSettingsNamingTheField() {
    assertThatThrownBy(
            () -> NETSUITE.bind(netsuite(Map.of("accountId", "1", "maxConcurrency", "many"), TBA)))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("CONNECTION_INVALID"))
        .hasMessageContaining("field 'settings.maxConcurrency' has a value of the wrong type");
    assertThatThrownBy(
            () ->
                NETSUITE.bind(netsuite(Map.of("accountId", "1", "timeZone", "Mars/Olympus"), TBA)))
        .hasMessageContaining("field 'settings.timeZone'");
  }

  @Test
  void hidesEverySecretInToString() {
    String shown = NETSUITE.bind(netsuite(Map.of("accountId", "1"), TBA)).toString();

    assertThat(shown)
        .contains("consumerSecret=(hidden)", "tokenSecret=(hidden)")
        .doesNotContain("cs-secret", "ts-secret");
  }
}
