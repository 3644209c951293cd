package io.millflow.connector.plex;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.step.Json;
import io.millflow.step.StepFailure;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link PlexWriteClient} over HTTP: the same key, headers and connection-wide pacing as {@link
 * HttpPlexClient}'s reads, JSON bodies, and a 400 or 404 turned into a {@link Refused} carrying
 * Plex's own code. The key is never in an answer: it is blanked out of Plex's messages.
 */
public final class HttpPlexWriteClient implements PlexWriteClient {

  static final String RELEASES = "/purchasing/v2-beta1/releases";
  static final String CANCEL = "/purchasing/v1/releases/";
  static final String RECEIPTS = "/inventory/v1/inventory-receiving/receipts";
  static final String SUPPLIERS = "/mdm/v1/suppliers";
  static final String WORKCENTERS = "/production/v1/control/workcenters/";
  static final String PARTS = "/mdm/v1/parts";
  static final String WORKCENTER_DEFINITIONS = "/production/v1/production-definitions/workcenters";

  private final PlexConnectionSettings settings;
  private final HttpClient http;
  private final PlexRateLimiters rateLimiters;
  private final HttpPlexClient reads;

  public HttpPlexWriteClient(
      PlexConnectionSettings settings, HttpClient http, PlexRateLimiters rateLimiters) {
    this.settings = settings;
    this.http = http;
    this.rateLimiters = rateLimiters;
    this.reads = new HttpPlexClient(settings, http, rateLimiters);
  }

  @Override
  public Optional<ObjectNode> release(String id) {
    return one("release", RELEASES, id);
  }

  @Override
  public Optional<ObjectNode> supplier(String id) {
    return one("supplier", SUPPLIERS, id);
  }

  @Override
  public Optional<ObjectNode> part(String id) {
    return one("part", PARTS, id);
  }

  @Override
  public Optional<ObjectNode> workcenter(String id) {
    return one("workcenter", WORKCENTER_DEFINITIONS, id);
  }

  @Override
  public List<ObjectNode> suppliers(List<Map.Entry<String, String>> query) {
    return reads.getArray(SUPPLIERS, query);
  }

  @Override
  public WriteAnswer createSupplier(ObjectNode body) {
    return send("POST", SUPPLIERS, body);
  }

  @Override
  public WriteAnswer updateSupplier(String id, ObjectNode body) {
    return send("PUT", SUPPLIERS + "/" + encode(id), body);
  }

  @Override
  public WriteAnswer recordBatchProduction(String workcenterId, ObjectNode body) {
    return send("POST", WORKCENTERS + encode(workcenterId) + "/record-batch-production", body);
  }

  /** {@code GET {collection}/{id}}: the record, or empty for Plex's 404. */
  private Optional<ObjectNode> one(String what, String collection, String id) {
    WriteAnswer answer = send("GET", collection + "/" + encode(id), null);
    return switch (answer) {
      case Written written -> Optional.of(written.record());
      case Refused refused when refused.status() == 404 -> Optional.empty();
      case Refused refused ->
          throw new StepFailure(
              "PLEX_BAD_REQUEST",
              "Plex refused to read "
                  + what
                  + " '"
                  + id
                  + "' of connection '"
                  + settings.connectionName()
                  + "' ("
                  + refused.code()
                  + "): "
                  + refused.message());
    };
  }

  @Override
  public WriteAnswer createRelease(ObjectNode body) {
    return send("POST", RELEASES, body);
  }

  @Override
  public WriteAnswer updateRelease(String id, ObjectNode body) {
    return send("PUT", RELEASES + "/" + encode(id), body);
  }

  @Override
  public WriteAnswer cancelRelease(String id, String status) {
    return send(
        "POST",
        CANCEL + encode(id) + "/cancel",
        Json.mapper().createObjectNode().put("status", status));
  }

  @Override
  public List<ObjectNode> receipts(List<Map.Entry<String, String>> query) {
    return reads.getArray(RECEIPTS, query);
  }

  @Override
  public WriteAnswer createReceipt(ObjectNode body) {
    return send("POST", RECEIPTS, body);
  }

  private WriteAnswer send(String method, String path, ObjectNode body) {
    PlexCall call = PlexCall.of(settings.connectionName(), method, path);
    rateLimiters.acquire(settings);
    HttpRequest.BodyPublisher publisher =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(bytes(body));
    HttpRequest request =
        HttpPlexClient.builder(settings, call, path)
            .header("Content-Type", "application/json")
            .method(method, publisher)
            .build();
    HttpResponse<byte[]> response =
        PlexHttp.send(http, request, call, settings.timeout(), settings.baseUrl());
    int status = response.statusCode();
    if (status / 100 == 2) {
      byte[] bytes = response.body();
      return new Written(
          bytes.length == 0
              ? Json.mapper().createObjectNode()
              : (ObjectNode) PlexHttp.json(call, bytes, "https://connect.plex.com", "baseUrl"));
    }
    if (status == 400 || status == 404) {
      return refused(status, response.body());
    }
    throw rateLimiters.heed(
        settings,
        status,
        PlexErrors.ofResponse(
            call,
            status,
            response.headers(),
            response.body(),
            settings.apiKey(),
            Clock.systemUTC()));
  }

  /** Plex's error body: the detail's code when it lists one, and every message. */
  private Refused refused(int status, byte[] body) {
    JsonNode json;
    try {
      json = Json.mapper().readTree(body);
    } catch (IOException e) {
      json = Json.mapper().createObjectNode();
    }
    if (json == null) {
      json = Json.mapper().createObjectNode();
    }
    String code = json.path("code").asText(status == 404 ? "RESOURCE_NOT_FOUND" : "HTTP_400");
    List<String> messages = new ArrayList<>();
    for (JsonNode detail : json.path("errors")) {
      if (messages.isEmpty() && detail.hasNonNull("code")) {
        code = detail.get("code").asText();
      }
      messages.add(detail.path("message").asText());
    }
    if (messages.isEmpty()) {
      messages.add(json.path("message").asText("Plex answered " + status + "."));
    }
    String message = String.join(" ", messages);
    if (!settings.apiKey().isEmpty()) {
      message = message.replace(settings.apiKey(), "***");
    }
    return new Refused(status, code, message);
  }

  private static byte[] bytes(ObjectNode body) {
    try {
      return Json.mapper().writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A JSON tree always serialises", e);
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
