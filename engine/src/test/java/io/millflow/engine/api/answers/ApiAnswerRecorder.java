package io.millflow.engine.api.answers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.step.Json;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Records every answer the engine's own API gives to the tests' RestAssured calls (method, path,
 * status, header names, and a JSON body) into {@code target/api-answers/answers-<pid>.jsonl}, one
 * line each, for {@link RecordedAnswersConformTest} to check against the contract after the suite.
 * It needs no list of endpoints: whatever a test calls on the runtime under test is recorded; calls
 * to the sandboxes (other ports) are not.
 */
public class ApiAnswerRecorder implements QuarkusTestBeforeEachCallback {

  static final Path FOLDER = Path.of("target", "api-answers");
  private static final Path FILE =
      FOLDER.resolve("answers-" + ProcessHandle.current().pid() + ".jsonl");

  private static final Filter RECORD = ApiAnswerRecorder::record;

  @Override
  public void beforeEach(QuarkusTestMethodContext context) {
    if (!RestAssured.filters().contains(RECORD)) {
      RestAssured.filters(RECORD);
    }
  }

  private static Response record(
      FilterableRequestSpecification request,
      FilterableResponseSpecification responseSpec,
      FilterContext context) {
    Response response = context.next(request, responseSpec);
    URI uri = URI.create(request.getURI());
    if (uri.getPort() == RestAssured.port && isApi(uri.getPath())) {
      write(answer(request.getMethod(), uri.getPath(), response));
    }
    return response;
  }

  private static boolean isApi(String path) {
    return path.startsWith("/api/") || path.startsWith("/webhooks/");
  }

  private static String answer(String method, String path, Response response) {
    ObjectNode line = Json.mapper().createObjectNode();
    line.put("method", method.toLowerCase(Locale.ROOT));
    line.put("path", path);
    line.put("status", response.statusCode());
    line.put("contentType", response.contentType());
    var headers = line.putArray("headers");
    response.headers().forEach(header -> headers.add(header.getName().toLowerCase(Locale.ROOT)));
    String contentType = response.contentType();
    if (contentType != null && contentType.contains("json")) {
      line.put("body", response.asString());
    }
    return line.toString();
  }

  private static synchronized void write(String line) {
    try {
      Files.createDirectories(FOLDER);
      Files.writeString(
          FILE,
          line + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("The API answer could not be recorded in " + FILE, e);
    }
  }
}
