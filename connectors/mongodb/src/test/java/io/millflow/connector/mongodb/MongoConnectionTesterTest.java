package io.millflow.connector.mongodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoCredential;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import io.millflow.step.Connection;
import io.millflow.step.ConnectionCheck;
import io.millflow.step.ConnectionProblem;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Connection tests against the in-process server, a closed port and a silent one; driver errors by
 * their class.
 */
class MongoConnectionTesterTest {

  private static final String PASSWORD = "S3cret-pa55!";
  private static final Duration SHORT = Duration.ofMillis(700);

  @RegisterExtension static final TestMongo mongo = new TestMongo();

  private final MongoConnectionTester tester = new MongoConnectionTester(SHORT);

  @Test
  void passesAgainstARunningServerAndSaysWhatItFound() {
    ConnectionCheck check = tester.test(mongo.freshConnection("plant-mongo"));

    assertThat(check.ok()).as(String.valueOf(check)).isTrue();
    assertThat(check.details()).containsEntry("collections", "0").containsKeys("hosts", "database");
    assertThat(tester.type()).isEqualTo("mongodb");
  }

  @Test
  void aClosedPortIsUnreachableAndTheMessageHoldsNoPassword() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    ConnectionCheck check =
        tester.test(connection("mongodb://127.0.0.1:" + closedPort + "/", PASSWORD));

    assertThat(check.problem()).as(check.message()).isEqualTo(ConnectionProblem.UNREACHABLE);
    assertThat(check.message()).contains("127.0.0.1:" + closedPort).doesNotContain(PASSWORD);
    assertThat(check.fix()).contains("port");
    assertThat(check.took()).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void aServerThatNeverAnswersIsATimeout() throws IOException {
    // The kernel completes the TCP handshake for the backlog; nobody ever reads or answers.
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      String url = "mongodb://127.0.0.1:" + silent.getLocalPort() + "/";

      ConnectionCheck check = tester.test(connection(url, PASSWORD));

      assertThat(check.problem()).as(check.message()).isEqualTo(ConnectionProblem.TIMEOUT);
      assertThat(check.message()).contains("did not answer within 700 ms").doesNotContain(PASSWORD);
    }
  }

  /**
   * mongo-java-server has no authentication: it answers the driver's SCRAM {@code saslStart} with
   * CommandNotFound, which the driver raises as the same MongoSecurityException a rejected password
   * gives. So this runs the real driver path of a failed handshake, not a real password check
   * (README.md).
   */
  @Test
  void aServerThatRefusesTheAuthenticationHandshakeFailsAuthentication() {
    Connection withUser =
        new Connection(
            "plant-mongo",
            "mongodb",
            mongo.freshConnection("x").settings(),
            Map.of("username", "millflow", "password", PASSWORD));

    ConnectionCheck check = tester.test(withUser);

    assertThat(check.problem()).as(check.message()).isEqualTo(ConnectionProblem.AUTH_FAILED);
    assertThat(check.message()).contains("'millflow'").doesNotContain(PASSWORD);
    assertThat(check.fix()).contains("'authSource'");
  }

  @Test
  void aRejectedPasswordReportedAsATimeoutIsStillAnAuthenticationFailure() {
    MongoCommandException rejected =
        new MongoCommandException(
            BsonDocument.parse("{ok: 0, code: 18, errmsg: 'Authentication failed.'}"),
            new ServerAddress());
    var error =
        new MongoTimeoutException(
            "Timed out",
            new MongoSecurityException(
                MongoCredential.createCredential("millflow", "admin", PASSWORD.toCharArray()),
                "auth failed",
                rejected));

    var failure = MongoCheckFailures.classify(error, null, settings(), "millflow", SHORT);

    assertThat(failure.problem()).isEqualTo(ConnectionProblem.AUTH_FAILED);
    assertThat(failure.message() + failure.fix()).doesNotContain(PASSWORD);
  }

  @Test
  void aMissingPrivilegeIsNoPermissionWithTheGrantToRun() {
    MongoCommandException unauthorized =
        new MongoCommandException(
            BsonDocument.parse(
                "{ok: 0, code: 13, errmsg: 'not authorized on plant to execute command { listCollections: 1 }'}"),
            new ServerAddress());

    var failure = MongoCheckFailures.classify(unauthorized, null, settings(), "millflow", SHORT);

    assertThat(failure.problem()).isEqualTo(ConnectionProblem.NO_PERMISSION);
    assertThat(failure.message()).contains("'millflow'", "'plant'", "not authorized on plant");
    assertThat(failure.fix()).contains("readWrite");
  }

  @Test
  void incompleteSettingsOrAUserWithoutPasswordAreReportedBeforeConnecting() {
    ConnectionCheck noDatabase =
        tester.test(new Connection("plant-mongo", "mongodb", Map.of("host", "db.plant"), Map.of()));
    ConnectionCheck noPassword =
        tester.test(
            new Connection(
                "plant-mongo",
                "mongodb",
                Map.of("host", "db.plant", "database", "plant"),
                Map.of("username", "millflow")));

    assertThat(noDatabase.problem()).isEqualTo(ConnectionProblem.INCOMPLETE);
    assertThat(noDatabase.message()).contains("'settings.database'");
    assertThat(noPassword.problem()).isEqualTo(ConnectionProblem.INCOMPLETE);
    assertThat(noPassword.message()).contains("'password'");
  }

  private static MongoSettings settings() {
    return MongoSettings.of(connection("mongodb://db.plant:27017/", PASSWORD));
  }

  private static Connection connection(String url, String password) {
    return new Connection(
        "plant-mongo",
        "mongodb",
        Map.of("connectionString", url, "database", "plant"),
        Map.of("username", "millflow", "password", password));
  }
}
