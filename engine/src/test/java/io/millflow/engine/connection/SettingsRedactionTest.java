package io.millflow.engine.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsRedactionTest {

  @Test
  void hidesPasswordsInJdbcUrlsAndUrlUserInfo() {
    Map<String, String> shown =
        SettingsRedaction.redact(
            Map.of(
                "jdbcUrl", "jdbc:postgresql://db:5432/wh?user=etl&password=s3cret&ssl=true",
                "mysqlUrl", "jdbc:mysql://db/wh;password=s3cret;useSSL=true",
                "uri", "mongodb://etl:s3cret@mongo:27017/plant"));

    assertThat(shown.values()).noneMatch(value -> value.contains("s3cret"));
    assertThat(shown.get("jdbcUrl"))
        .isEqualTo("jdbc:postgresql://db:5432/wh?user=etl&password=(hidden)&ssl=true");
    assertThat(shown.get("uri")).isEqualTo("mongodb://etl:(hidden)@mongo:27017/plant");
  }

  @Test
  void hidesSettingsWhoseNameSaysSecretAndKeepsTheRest() {
    Map<String, String> shown =
        SettingsRedaction.redact(
            Map.of(
                "apiToken", "abc", "baseUrl", "https://connect.plex.com", "clientSecret", "xyz"));

    assertThat(shown)
        .containsEntry("apiToken", "(hidden)")
        .containsEntry("clientSecret", "(hidden)")
        .containsEntry("baseUrl", "https://connect.plex.com");
  }
}
