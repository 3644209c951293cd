package io.millflow.connector.mongodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.step.Connection;
import io.millflow.step.ConnectionKind;
import io.millflow.step.StepFailure;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MongoConnectionTest {

  private static final ConnectionKind<MongoConnection> MONGO =
      ConnectionKind.of(MongoConnection.class);

  @Test
  void bindsWithDefaults() {
    MongoConnection bound =
        MONGO.bind(
            new Connection(
                "plant", "mongodb", Map.of("host", "db", "database", "plant"), Map.of()));

    assertThat(bound.port()).isEqualTo(27017);
    assertThat(bound.authSource()).isEqualTo("admin");
    assertThat(MongoSettings.of("plant", bound).connectionString())
        .isEqualTo("mongodb://db:27017/");
  }

  @Test
  void refusesAMissingDatabaseAndAWrongTypedPortNamingTheField() {
    assertThatThrownBy(
            () -> MONGO.bind(new Connection("plant", "mongodb", Map.of("host", "db"), Map.of())))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("CONNECTION_INCOMPLETE"))
        .hasMessageContaining("field 'settings.database' is missing");
    assertThatThrownBy(
            () ->
                MONGO.bind(
                    new Connection(
                        "plant",
                        "mongodb",
                        Map.of("host", "db", "database", "p", "port", "abc"),
                        Map.of())))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("CONNECTION_INVALID"))
        .hasMessageContaining("field 'settings.port' has a value of the wrong type");
  }

  @Test
  void hidesThePasswordInToString() {
    assertThat(new MongoConnection("db", 1, null, "p", "admin", "u", "pw-secret").toString())
        .contains("password=(hidden)")
        .doesNotContain("pw-secret");
  }
}
