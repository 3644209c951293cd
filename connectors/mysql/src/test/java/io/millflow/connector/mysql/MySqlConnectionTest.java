package io.millflow.connector.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.step.Connection;
import io.millflow.step.ConnectionKind;
import io.millflow.step.ReauthRequiredException;
import io.millflow.step.StepFailure;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MySqlConnectionTest {

  private static final ConnectionKind<MySqlConnection> MYSQL =
      ConnectionKind.of(MySqlConnection.class);

  @Test
  void bindsWithDefaultsAndPassesTlsOptionsToTheDriver() {
    MySqlConnection bound =
        MYSQL.bind(
            new Connection(
                "erp",
                "mysql",
                Map.of("host", "db", "database", "erp", "sslMode", "VERIFY_IDENTITY"),
                Map.of("username", "u", "trustCertificateKeyStorePassword", "ts-secret")));

    assertThat(MySqlSettings.of("erp", bound).jdbcUrl()).isEqualTo("jdbc:mysql://db:3306/erp");
    assertThat(MySqlSettings.of("erp", bound).hikariConfig(bound).getDataSourceProperties())
        .containsEntry("sslMode", "VERIFY_IDENTITY")
        .containsEntry("trustCertificateKeyStorePassword", "ts-secret");
    assertThat(bound.toString())
        .contains("trustCertificateKeyStorePassword=(hidden)")
        .doesNotContain("ts-secret");
  }

  @Test
  void refusesAWrongTypedSettingNamingTheFieldAndNeedsAUser() {
    assertThatThrownBy(
            () ->
                MYSQL.bind(
                    new Connection(
                        "erp",
                        "mysql",
                        Map.of("host", "db", "poolSize", "lots"),
                        Map.of("username", "u"))))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("CONNECTION_INVALID"))
        .hasMessageContaining("field 'settings.poolSize' has a value of the wrong type");
    assertThatThrownBy(
            () -> MYSQL.bind(new Connection("erp", "mysql", Map.of("host", "db"), Map.of())))
        .isInstanceOf(ReauthRequiredException.class);
  }
}
