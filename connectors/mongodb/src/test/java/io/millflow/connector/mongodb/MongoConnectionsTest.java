package io.millflow.connector.mongodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoCredential;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import io.millflow.step.Connection;
import io.millflow.step.ReauthRequiredException;
import io.millflow.step.RetryableStepException;
import io.millflow.step.StepFailure;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

/** Connection settings and how connection failures map to the error model. */
class MongoConnectionsTest {

  private static final String PASSWORD = "S3cret-pa55!";

  @Test
  void anUnreachableServerIsRetryableAndTheMessageHoldsNoPassword() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Connection connection =
        new Connection(
            "plant-mongo",
            "mongodb",
            Map.of(
                "connectionString",
                "mongodb://127.0.0.1:"
                    + closedPort
                    + "/?serverSelectionTimeoutMS=300&connectTimeoutMS=300",
                "database",
                "plant"),
            Map.of("username", "millflow", "password", PASSWORD));

    try (MongoConnections connections = new MongoConnections()) {
      assertThatThrownBy(() -> connections.database(connection))
          .isInstanceOf(RetryableStepException.class)
          .hasMessageContaining("'plant-mongo'")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PASSWORD));
    }
  }

  @Test
  void rejectedCredentialsRequireReauthNamingTheConnectionWithoutThePassword() {
    MongoCredential credential =
        MongoCredential.createCredential("millflow", "admin", PASSWORD.toCharArray());
    MongoCommandException rejected =
        new MongoCommandException(
            BsonDocument.parse("{ok: 0, code: 18, errmsg: 'Authentication failed.'}"),
            new ServerAddress());
    // The driver reports a failed handshake as a timeout whose cause is the security exception.
    var error =
        new MongoTimeoutException(
            "Timed out", new MongoSecurityException(credential, "auth failed", rejected));

    RuntimeException translated = MongoErrors.translate(error, "plant-mongo", "connecting");

    assertThat(translated)
        .isInstanceOfSatisfying(
            ReauthRequiredException.class,
            e -> assertThat(e.connection()).isEqualTo("plant-mongo"));
    assertThat(translated.getMessage()).contains("'plant-mongo'").doesNotContain(PASSWORD);
  }

  @Test
  void refusesACredentialInTheConnectionString() {
    Connection connection =
        new Connection(
            "plant-mongo",
            "mongodb",
            Map.of(
                "connectionString",
                "mongodb://millflow:" + PASSWORD + "@db.plant:27017/",
                "database",
                "plant"),
            Map.of());

    assertThatThrownBy(() -> MongoSettings.of(connection))
        .isInstanceOfSatisfying(
            StepFailure.class, f -> assertThat(f.code()).isEqualTo("CONNECTION_INVALID"))
        .hasMessageContaining("'username' and 'password'")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PASSWORD));
  }

  @Test
  void buildsTheConnectionStringFromHostAndPortAndNeedsADatabase() {
    Connection connection =
        new Connection(
            "plant-mongo",
            "mongodb",
            Map.of("host", "db.plant", "port", "27018", "database", "plant"),
            Map.of());

    assertThat(MongoSettings.of(connection).connectionString())
        .isEqualTo("mongodb://db.plant:27018/");
    assertThatThrownBy(
            () ->
                MongoSettings.of(
                    new Connection("plant-mongo", "mongodb", Map.of("host", "db"), Map.of())))
        .isInstanceOf(StepFailure.class)
        .hasMessageContaining("'settings.database'");
  }

  @Test
  void refusesAConnectionOfAnotherType() {
    assertThatThrownBy(
            () -> MongoSettings.of(new Connection("warehouse", "postgres", Map.of(), Map.of())))
        .isInstanceOfSatisfying(
            StepFailure.class, f -> assertThat(f.code()).isEqualTo("WRONG_CONNECTION_TYPE"));
  }
}
