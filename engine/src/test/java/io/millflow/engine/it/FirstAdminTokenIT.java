package io.millflow.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new user's first start in embedded mode: with no token configured, Millflow makes an admin
 * token and prints it once; it works at once, and the next start prints none.
 */
class FirstAdminTokenIT {

  private static final Pattern PRINTED =
      Pattern.compile("^ {5}(mf_[A-Za-z0-9_-]{43})$", Pattern.MULTILINE);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path work;

  @Test
  void theFirstStartPrintsAWorkingAdminTokenOnceAndNoLaterStartDoes() throws Exception {
    Path data = work.resolve("data");
    Map<String, String> quiet = Map.of("millflow.sandbox.enabled", "false");
    String token;
    try (RuntimeProcess first = RuntimeProcess.start(data, "first", quiet, null)) {
      Matcher printed = PRINTED.matcher(first.log());
      assertThat(printed.find())
          .as("the first admin token in the log:\n" + first.logTail(40))
          .isTrue();
      token = printed.group(1);
      assertThat(me(first, token).body()).contains("\"role\":\"admin\"");
      assertThat(me(first, "mf_not-the-token").statusCode()).isEqualTo(401);
    }
    try (RuntimeProcess second = RuntimeProcess.start(data, "second", quiet, null)) {
      assertThat(PRINTED.matcher(second.log()).find()).isFalse();
      assertThat(me(second, token).body()).contains("\"role\":\"admin\"");
    }
  }

  private static HttpResponse<String> me(RuntimeProcess runtime, String token) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(runtime.baseUrl() + "/api/me"))
            .header("Authorization", "Bearer " + token)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
