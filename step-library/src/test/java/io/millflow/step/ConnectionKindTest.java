package io.millflow.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionKindTest {

  @ConnectionType("teleport")
  record TeleportConnection(
      @Param(label = "Instance URL") @NotNull @HttpUrl URI baseUrl,
      @Param(label = "Calls per minute", defaultValue = "200") @Min(0) int rateLimitPerMinute,
      @Param(label = "User") @Credential @NotBlank String username,
      @Param(label = "Password") @Secret @NotBlank String password) {

    @Override
    public String toString() {
      return ConnectionKind.describeAny(this);
    }
  }

  @ConnectionType("twoway")
  record TwoWayConnection(
      @Credential(signIn = "key") String keyId,
      @Secret(signIn = "key") String key,
      @Secret(signIn = "token") String token) {}

  private final ConnectionKind<TeleportConnection> kind =
      ConnectionKind.of(TeleportConnection.class);

  private static Connection connection(
      Map<String, String> settings, Map<String, String> credentials) {
    return new Connection("beam", "teleport", settings, credentials);
  }

  @Test
  void bindsSettingsAndCredentialsIntoTheRecordWithDefaultsForEmptyFields() {
    TeleportConnection bound =
        kind.bind(
            connection(
                Map.of("baseUrl", " https://t.example.com/ ", "rateLimitPerMinute", " "),
                Map.of("username", "u", "password", " p ")));

    assertThat(bound)
        .isEqualTo(new TeleportConnection(URI.create("https://t.example.com/"), 200, "u", " p "));
  }

  @Test
  void readsAFieldKeptInTheOtherMapAsStoredBefore() {
    TeleportConnection bound =
        kind.bind(
            connection(
                Map.of("baseUrl", "https://t.example.com", "username", "u"),
                Map.of("password", "p")));

    assertThat(bound.username()).isEqualTo("u");
  }

  @Test
  void refusesAWrongTypedSettingNamingTheField() {
    assertThatThrownBy(
            () ->
                kind.bind(
                    connection(
                        Map.of("baseUrl", "https://t.example.com", "rateLimitPerMinute", "fast"),
                        Map.of("username", "u", "password", "p"))))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("CONNECTION_INVALID"))
        .hasMessageContaining("Connection 'beam'")
        .hasMessageContaining("field 'settings.rateLimitPerMinute' has a value of the wrong type");
  }

  @Test
  void refusesAValueBreakingAConstraintNamingTheField() {
    assertThatThrownBy(
            () ->
                kind.validate(
                    connection(
                        Map.of("baseUrl", "ftp://t.example.com", "rateLimitPerMinute", "-1"),
                        Map.of("username", "u", "password", "p"))))
        .isInstanceOf(InvalidConnectionException.class)
        .hasMessageContaining("field 'settings.baseUrl' must be an http(s) URL")
        .hasMessageContaining(
            "field 'settings.rateLimitPerMinute' must be greater than or equal to 0");
  }

  @Test
  void aMissingSettingIsIncompleteAndMissingCredentialsNeedReauth() {
    assertThatThrownBy(
            () -> kind.bind(connection(Map.of(), Map.of("username", "u", "password", "p"))))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("CONNECTION_INCOMPLETE"))
        .hasMessageContaining("field 'settings.baseUrl' is missing");
    assertThatThrownBy(
            () -> kind.bind(connection(Map.of("baseUrl", "https://t.example.com"), Map.of())))
        .isInstanceOf(ReauthRequiredException.class)
        .hasMessageContaining("field 'credentials.password' is missing")
        .hasMessageContaining("field 'credentials.username' is missing");
  }

  @Test
  void refusesAConnectionOfAnotherTypeNamingBoth() {
    assertThatThrownBy(() -> kind.bind(new Connection("db", "postgres", Map.of(), Map.of())))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("WRONG_CONNECTION_TYPE"))
        .hasMessageContaining("'postgres' connection; this step needs one of type 'teleport'");
  }

  @Test
  void hidesSecretsInToString() {
    TeleportConnection bound =
        new TeleportConnection(URI.create("https://t.example.com"), 5, "u", "s3cr3t");

    assertThat(bound.toString())
        .isEqualTo(
            "TeleportConnection[baseUrl=https://t.example.com, rateLimitPerMinute=5, username=u, password=(hidden)]");
    assertThat(kind.isSecret("password")).isTrue();
    assertThat(kind.isSecret("username")).isFalse();
  }

  @Test
  void requiresEveryFieldOfTheChosenSignInAndIgnoresTheOthers() {
    ConnectionKind<TwoWayConnection> twoWay = ConnectionKind.of(TwoWayConnection.class);
    Connection halfKey = new Connection("tw", "twoway", Map.of(), Map.of("keyId", "k1"));

    assertThat(twoWay.signIns()).containsExactly("key", "token");
    assertThatThrownBy(() -> twoWay.validate(halfKey))
        .hasMessageContaining("field 'credentials.key' must not be blank (sign-in key)");
    assertThat(twoWay.validate(new Connection("tw", "twoway", Map.of(), Map.of("token", "t"))))
        .isEqualTo(new TwoWayConnection(null, null, "t"));
    assertThatThrownBy(() -> twoWay.bind(new Connection("tw", "twoway", Map.of(), Map.of())))
        .isInstanceOf(ReauthRequiredException.class)
        .hasMessageContaining("key (keyId, key) or token (token)");
  }

  @Test
  void storesARecordSoThatItBindsBackEqual() {
    TeleportConnection value =
        new TeleportConnection(URI.create("https://t.example.com"), 7, "u", "p");
    Connection stored = kind.stored("beam", value);

    assertThat(stored.settings()).containsOnlyKeys("baseUrl", "rateLimitPerMinute");
    assertThat(stored.credentials()).containsOnlyKeys("username", "password");
    assertThat(kind.bind(stored)).isEqualTo(value);
    assertThat(kind.secretValues(value)).containsExactly("p");
  }

  @Test
  void readsAnIncompleteConnectionWithoutCheckingItsConstraints() {
    TeleportConnection read =
        kind.read(connection(Map.of("baseUrl", "https://t.example.com"), Map.of()));

    assertThat(read)
        .isEqualTo(new TeleportConnection(URI.create("https://t.example.com"), 200, null, null));
    assertThatThrownBy(() -> kind.read(connection(Map.of("rateLimitPerMinute", "fast"), Map.of())))
        .hasMessageContaining("field 'settings.rateLimitPerMinute' has a value of the wrong type");
  }

  @Test
  void refusesARecordWithoutConnectionType() {
    record Plain(String value) {}

    assertThatThrownBy(() -> ConnectionKind.of(Plain.class))
        .hasMessageContaining("@ConnectionType");
  }
}
