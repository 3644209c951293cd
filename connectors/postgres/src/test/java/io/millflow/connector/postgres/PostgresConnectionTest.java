package io.millflow.connector.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.step.Connection;
import io.millflow.step.ConnectionKind;
import io.millflow.step.ReauthRequiredException;
import io.millflow.step.StepFailure;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostgresConnectionTest {

  private static final ConnectionKind<PostgresConnection> POSTGRES =
      ConnectionKind.of(PostgresConnection.class);

  private static Connection warehouse(
      Map<String, String> settings, Map<String, String> credentials) {
    return new Connection("warehouse", "postgres", settings, credentials);
  }

  @Test
  void bindsHostAndDatabaseWithDefaultsIntoAJdbcUrl() {
    PostgresConnection bound =
        POSTGRES.bind(
            warehouse(
                Map.of("host", "db", "database", "wh"), Map.of("username", "u", "password", "p")));

    assertThat(bound.port()).isEqualTo(5432);
    assertThat(bound.poolSize()).isEqualTo(5);
    assertThat(PostgresSettings.of("warehouse", bound))
        .isEqualTo(new PostgresSettings("warehouse", "jdbc:postgresql://db:5432/wh", "public", 5));
  }

  @Test
  void refusesAWrongTypedOrOutOfRangeSettingNamingTheField() {
    assertThatThrownBy(
            () ->
                POSTGRES.bind(
                    warehouse(
                        Map.of("host", "db", "database", "wh", "port", "fivefour"),
                        Map.of("username", "u"))))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("CONNECTION_INVALID"))
        .hasMessageContaining("field 'settings.port' has a value of the wrong type");
    assertThatThrownBy(
            () ->
                POSTGRES.bind(
                    warehouse(
                        Map.of("host", "db", "database", "wh", "poolSize", "500"),
                        Map.of("username", "u"))))
        .hasMessageContaining("field 'settings.poolSize' must be less than or equal to 100");
  }

  @Test
  void aMissingUserNeedsReauthAndAMissingHostIsIncomplete() {
    assertThatThrownBy(
            () -> POSTGRES.bind(warehouse(Map.of("host", "db", "database", "wh"), Map.of())))
        .isInstanceOf(ReauthRequiredException.class)
        .hasMessageContaining("credentials.username");
    PostgresConnection noHost =
        POSTGRES.bind(warehouse(Map.of("database", "wh"), Map.of("username", "u")));
    assertThatThrownBy(() -> PostgresSettings.of("warehouse", noHost))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("CONNECTION_INCOMPLETE"))
        .hasMessageContaining("'host'");
  }

  @Test
  void hidesThePasswordInToString() {
    assertThat(
            POSTGRES
                .bind(
                    warehouse(
                        Map.of("jdbcUrl", "jdbc:postgresql://db/wh"),
                        Map.of("username", "u", "password", "pw-secret")))
                .toString())
        .contains("password=(hidden)", "username=u")
        .doesNotContain("pw-secret");
  }
}
