package io.millflow.connector.snowflake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.step.Connection;
import io.millflow.step.ConnectionKind;
import io.millflow.step.ReauthRequiredException;
import io.millflow.step.StepFailure;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnowflakeConnectionTest {

  private static final ConnectionKind<SnowflakeConnection> SNOWFLAKE =
      ConnectionKind.of(SnowflakeConnection.class);

  private static Connection snowflake(
      Map<String, String> settings, Map<String, String> credentials) {
    return new Connection("sf", "snowflake", settings, credentials);
  }

  @Test
  void bindsTheAccountWithDefaults() {
    SnowflakeConnection bound =
        SNOWFLAKE.bind(
            snowflake(Map.of("account", "acme-main"), Map.of("username", "u", "password", "p")));

    assertThat(bound.schema()).isEqualTo("PUBLIC");
    assertThat(bound.poolSize()).isEqualTo(3);
    assertThat(SnowflakeSettings.of("sf", bound).jdbcUrl())
        .isEqualTo("jdbc:snowflake://acme-main.snowflakecomputing.com/");
  }

  @Test
  void refusesAWrongTypedSettingNamingTheFieldAndNeedsAPasswordOrAKey() {
    assertThatThrownBy(
            () ->
                SNOWFLAKE.bind(
                    snowflake(
                        Map.of("account", "a", "poolSize", "big"),
                        Map.of("username", "u", "password", "p"))))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("CONNECTION_INVALID"))
        .hasMessageContaining("field 'settings.poolSize' has a value of the wrong type");
    SnowflakeConnection noSecret =
        SNOWFLAKE.bind(snowflake(Map.of("account", "a"), Map.of("username", "u")));
    assertThatThrownBy(() -> SnowflakeSettings.of("sf", noSecret).hikariConfig(noSecret))
        .isInstanceOf(ReauthRequiredException.class)
        .hasMessageContaining("'password'");
  }

  @Test
  void hidesThePasswordKeyAndPassphraseInToString() {
    String shown =
        SNOWFLAKE
            .bind(
                snowflake(
                    Map.of("account", "a"),
                    Map.of(
                        "username",
                        "u",
                        "privateKey",
                        "k-secret",
                        "privateKeyPassphrase",
                        "pp-secret")))
            .toString();

    assertThat(shown)
        .contains("privateKey=(hidden)", "privateKeyPassphrase=(hidden)")
        .doesNotContain("k-secret", "pp-secret");
  }
}
