package io.millflow.connector.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.step.ConnectionCheck;
import io.millflow.step.ConnectionProblem;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Testing an http connection: signed in and answered, refused, or not reached. */
class HttpConnectionTesterTest {

  private final TestApi api = new TestApi();
  private final HttpConnectionTester tester =
      new HttpConnectionTester(HttpRequestAuthTest.ANYWHERE);

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void passesWhenTheServerAnswersEvenWith404AtTheBareBaseUrl() {
    api.route("/api", (r, x) -> TestApi.json(x, 404, "{}"));

    ConnectionCheck check =
        tester.test(api.connection("mes", Map.of("auth", "bearer"), Map.of("bearerToken", "t")));

    assertThat(check.ok()).isTrue();
    assertThat(check.details()).containsEntry("status", "404");
    assertThat(api.last().header("Authorization")).isEqualTo("Bearer t");
  }

  @Test
  void rejectedCredentialsAreAFailedSignInWithoutTheSecret() {
    api.route("/api", (r, x) -> TestApi.json(x, 401, "{\"error\":\"no\"}"));

    ConnectionCheck check =
        tester.test(
            api.connection("mes", Map.of("auth", "bearer"), Map.of("bearerToken", "t-hidden")));

    assertThat(check.problem()).isEqualTo(ConnectionProblem.AUTH_FAILED);
    assertThat(check.message()).doesNotContain("t-hidden");
  }

  @Test
  void aClosedPortIsUnreachable() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }

    ConnectionCheck check =
        tester.test(
            new io.millflow.step.Connection(
                "mes", "http", Map.of("baseUrl", "http://127.0.0.1:" + closed), Map.of()));

    assertThat(check.problem()).isEqualTo(ConnectionProblem.UNREACHABLE);
  }
}
