package io.millflow.connector.snowflake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import io.millflow.step.Connection;
import io.millflow.step.StepFailure;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How a snowflake connection's settings and credentials become Snowflake JDBC's URL and properties.
 */
class SnowflakeSettingsTest {

  private static final String PEM =
      "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkq\n"
          + "-----END ENCRYPTED PRIVATE KEY-----\n";

  @Test
  void buildsTheUrlFromAnAccountIdentifierOrItsUrl() {
    assertThat(settings(Map.of("account", "myorg-myaccount")).jdbcUrl())
        .isEqualTo("jdbc:snowflake://myorg-myaccount.snowflakecomputing.com/");
    assertThat(
            settings(Map.of("account", "https://xy12345.eu-central-1.snowflakecomputing.com/"))
                .jdbcUrl())
        .isEqualTo("jdbc:snowflake://xy12345.eu-central-1.snowflakecomputing.com/");
    assertThat(
            settings(Map.of("jdbcUrl", "jdbc:snowflake://acme.snowflakecomputing.com/?tracing=OFF"))
                .jdbcUrl())
        .isEqualTo("jdbc:snowflake://acme.snowflakecomputing.com/?tracing=OFF");
  }

  @Test
  void rejectsAnAccountThatWouldChangeTheUrl() {
    assertThatThrownBy(() -> settings(Map.of("account", "evil.example/?authenticator=x")))
        .isInstanceOfSatisfying(
            StepFailure.class, f -> assertThat(f.code()).isEqualTo("CONNECTION_INVALID"))
        .hasMessageContaining("'account'");
    assertThatThrownBy(() -> settings(Map.of("account", "acme", "warehouse", "WH; DROP")))
        .hasMessageContaining("'warehouse'");
  }

  @Test
  void mapsWarehouseDatabaseSchemaRoleAndPasswordToDriverProperties() {
    Connection connection =
        connection(
            Map.of(
                "account",
                "acme",
                "warehouse",
                "LOAD_WH",
                "database",
                "MILL",
                "schema",
                "plant",
                "role",
                "LOADER"),
            Map.of("username", "loader", "password", "s3cret"));

    HikariConfig config = SnowflakeSettings.of(connection).hikariConfig(connection);

    assertThat(config.getDataSourceProperties())
        .containsEntry("warehouse", "LOAD_WH")
        .containsEntry("db", "MILL")
        .containsEntry("schema", "PLANT")
        .containsEntry("role", "LOADER")
        .containsEntry("JDBC_QUERY_RESULT_FORMAT", "JSON")
        .doesNotContainKey("authenticator");
    assertThat(config.getUsername()).isEqualTo("loader");
    assertThat(config.getPassword()).isEqualTo("s3cret");
  }

  @Test
  void usesKeyPairAuthenticationWithThePemAndItsPassphrase() {
    Connection connection =
        connection(
            Map.of("account", "acme"),
            Map.of("username", "loader", "privateKey", PEM, "privateKeyPassphrase", "p4ss"));

    HikariConfig config = SnowflakeSettings.of(connection).hikariConfig(connection);

    assertThat(config.getDataSourceProperties())
        .containsEntry("authenticator", "SNOWFLAKE_JWT")
        .containsEntry("private_key_pwd", "p4ss");
    assertThat(
            new String(
                Base64.getDecoder()
                    .decode((String) config.getDataSourceProperties().get("private_key_base64")),
                StandardCharsets.UTF_8))
        .isEqualTo(PEM.strip());
    assertThat(config.getPassword()).isNull();
  }

  @Test
  void refusesAPrivateKeyThatIsNotPemWithoutShowingIt() {
    Connection connection =
        connection(
            Map.of("account", "acme"),
            Map.of("username", "loader", "privateKey", "not-a-key-but-secret"));

    assertThatThrownBy(() -> SnowflakeSettings.of(connection).hikariConfig(connection))
        .hasMessageContaining("'privateKey'")
        .hasMessageNotContaining("not-a-key-but-secret");
  }

  private static SnowflakeSettings settings(Map<String, String> settings) {
    return SnowflakeSettings.of(connection(settings, Map.of("username", "u", "password", "p")));
  }

  private static Connection connection(
      Map<String, String> settings, Map<String, String> credentials) {
    return new Connection("lake", "snowflake", new HashMap<>(settings), credentials);
  }
}
