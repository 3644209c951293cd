package io.millflow.connector.netsuite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.connector.netsuite.NetSuiteClient.Refused;
import io.millflow.connector.netsuite.NetSuiteClient.WriteAnswer;
import io.millflow.connector.netsuite.NetSuiteClient.Written;
import io.millflow.connector.netsuite.protocol.NetSuiteGuesses;
import io.millflow.connector.netsuite.protocol.RecordWrites;
import io.millflow.step.RetryableStepException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The record service's writes for {@link HttpNetSuiteClient}: reads by external id, upserts, and
 * asynchronous requests followed through their job ({@code async/v1/job/{id}}, its task, the task's
 * result) to the record written or NetSuite's refusal.
 */
final class RecordWriter {

  private static final Duration FIRST_POLL = Duration.ofMillis(20);
  private static final Duration LONGEST_POLL = Duration.ofSeconds(2);

  private final HttpNetSuiteClient client;
  private final NetSuiteConnectionSettings settings;

  RecordWriter(HttpNetSuiteClient client, NetSuiteConnectionSettings settings) {
    this.client = client;
    this.settings = settings;
  }

  Optional<ObjectNode> recordByExternalId(String type, String externalId, boolean expand) {
    return recordAt(recordPath(type, externalId), expand);
  }

  Optional<ObjectNode> recordByInternalId(String type, String internalId, boolean expand) {
    return recordAt(internalPath(type, internalId), expand);
  }

  /** The record at {@code path}; empty when NetSuite answers 404. */
  private Optional<ObjectNode> recordAt(String path, boolean expand) {
    NetSuiteCall call = NetSuiteCall.of(settings, "GET", path);
    HttpResponse<byte[]> response =
        client.respond(call, path + (expand ? "?expandSubResources=true" : ""), null, Map.of());
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    return Optional.of(object(call, checked(call, response)));
  }

  WriteAnswer upsert(String type, String externalId, ObjectNode body, String idempotencyKey) {
    String path = recordPath(type, externalId);
    return write(NetSuiteCall.of(settings, "PUT", path), path, body, idempotencyKey);
  }

  WriteAnswer create(String type, ObjectNode body, String idempotencyKey) {
    String path = HttpNetSuiteClient.RECORD + type;
    return write(NetSuiteCall.of(settings, "POST", path), path, body, idempotencyKey);
  }

  WriteAnswer update(
      String type, String externalId, ObjectNode body, String replace, String idempotencyKey) {
    String path = recordPath(type, externalId);
    String query = replace == null ? "" : "?replace=" + replace;
    return write(NetSuiteCall.of(settings, "PATCH", path), path + query, body, idempotencyKey);
  }

  WriteAnswer transform(
      String type,
      String externalId,
      String toType,
      ObjectNode body,
      String replace,
      String idempotencyKey) {
    return transformAt(recordPath(type, externalId), toType, body, replace, idempotencyKey);
  }

  WriteAnswer transformByInternalId(
      String type,
      String internalId,
      String toType,
      ObjectNode body,
      String replace,
      String idempotencyKey) {
    return transformAt(internalPath(type, internalId), toType, body, replace, idempotencyKey);
  }

  private WriteAnswer transformAt(
      String recordPath, String toType, ObjectNode body, String replace, String idempotencyKey) {
    String path = recordPath + "/!transform/" + toType;
    String query = replace == null ? "" : "?replace=" + replace;
    return write(NetSuiteCall.of(settings, "POST", path), path + query, body, idempotencyKey);
  }

  private WriteAnswer write(
      NetSuiteCall call, String path, ObjectNode body, String idempotencyKey) {
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers =
        idempotencyKey == null
            ? Map.of()
            : Map.of(
                "Prefer",
                RecordWrites.PREFER_ASYNC,
                RecordWrites.IDEMPOTENCY_HEADER,
                idempotencyKey);
    HttpResponse<byte[]> response = client.respond(call, path, bytes, headers);
    int status = response.statusCode();
    if (status / 100 == 2 && status != 202) {
      return new Written(lastSegment(call, location(call, response)));
    }
    NetSuiteError error = NetSuiteError.parse(response.body(), status);
    if (status == 202 || error.is(RecordWrites.IDEMPOTENCY_ERROR)) {
      return follow(call, location(call, response)); // a repeated key: the earlier job
    }
    if (status == NetSuiteGuesses.WRITE_REFUSED_STATUS
        || status == 404 && error.is(RecordWrites.NONEXISTENT_ID)) {
      return new Refused(status, error.code(), error.message());
    }
    throw NetSuiteErrors.ofResponse(
        call, settings.auth(), status, response.headers(), response.body());
  }

  /** Waits for the job to complete, then reads its one task's result. */
  private WriteAnswer follow(NetSuiteCall submitted, String jobLocation) {
    String job = path(jobLocation);
    long deadline = System.nanoTime() + settings.timeout().toNanos();
    Duration poll = FIRST_POLL;
    while (!get(job).path("completed").asBoolean(false)) {
      if (System.nanoTime() > deadline) {
        throw new RetryableStepException(
            "NetSuite's job "
                + job
                + " for "
                + submitted.describe()
                + " was still pending after "
                + settings.timeout().toSeconds()
                + " s; a retry finds the same job through its idempotency key.");
      }
      sleep(poll);
      poll = poll.multipliedBy(2).compareTo(LONGEST_POLL) > 0 ? LONGEST_POLL : poll.multipliedBy(2);
    }
    JsonNode tasks = get(job + "/task").path(NetSuiteGuesses.TASK_LIST_ITEMS);
    String task = path(selfLink(tasks.path(0)));
    JsonNode result = get(task + "/result");
    if (result.has("o:errorDetails")) {
      NetSuiteError error =
          NetSuiteError.parse(result.toString().getBytes(StandardCharsets.UTF_8), 400);
      return new Refused(result.path("status").asInt(400), error.code(), error.message());
    }
    return new Written(result.path("id").asText());
  }

  private JsonNode get(String path) {
    NetSuiteCall call = NetSuiteCall.of(settings, "GET", path);
    return HttpNetSuiteClient.json(call, checked(call, client.respond(call, path, null, Map.of())));
  }

  private byte[] checked(NetSuiteCall call, HttpResponse<byte[]> response) {
    if (response.statusCode() / 100 != 2) {
      throw NetSuiteErrors.ofResponse(
          call, settings.auth(), response.statusCode(), response.headers(), response.body());
    }
    return response.body();
  }

  private static ObjectNode object(NetSuiteCall call, byte[] body) {
    if (HttpNetSuiteClient.json(call, body) instanceof ObjectNode object) {
      return object;
    }
    throw HttpNetSuiteClient.unexpected(call, "a JSON object");
  }

  private static String recordPath(String type, String externalId) {
    return HttpNetSuiteClient.RECORD + type + "/" + RecordWrites.byExternalId(externalId);
  }

  private static String internalPath(String type, String internalId) {
    return HttpNetSuiteClient.RECORD
        + type
        + "/"
        + URLEncoder.encode(internalId, StandardCharsets.UTF_8);
  }

  private static String location(NetSuiteCall call, HttpResponse<byte[]> response) {
    return response
        .headers()
        .firstValue("Location")
        .orElseThrow(() -> HttpNetSuiteClient.unexpected(call, "a Location header"));
  }

  private static String lastSegment(NetSuiteCall call, String location) {
    String path = path(location);
    String id = path.substring(path.lastIndexOf('/') + 1);
    if (id.isEmpty()) {
      throw HttpNetSuiteClient.unexpected(call, "a record URL in Location");
    }
    return id;
  }

  private static String selfLink(JsonNode node) {
    for (JsonNode link : node.path("links")) {
      if (link.path("rel").asText().equals("self")) {
        return link.path("href").asText();
      }
    }
    return "";
  }

  /** The path of an absolute or relative URL, which the connection's base URL resolves. */
  private static String path(String url) {
    URI uri = URI.create(url);
    return uri.getRawPath();
  }

  private static void sleep(Duration wait) {
    try {
      Thread.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetryableStepException("Interrupted while waiting for a NetSuite job", e);
    }
  }
}
