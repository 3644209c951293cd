package io.millflow.connector.idhammar.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpHandler;
import io.millflow.connector.idhammar.sandbox.DowntimeTimeline.Event;
import io.millflow.sandbox.Faults;
import io.millflow.sandbox.FaultsEndpoint;
import io.millflow.sandbox.SandboxJson;
import io.millflow.sandbox.SandboxServer;
import io.millflow.step.Connection;
import io.millflow.step.sandbox.Sandbox;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * A local Idhammar OEE server. Idhammar publishes no API: this sandbox defines Millflow's
 * documented interface for it ({@code idhammar-sandbox-openapi.yaml}), in the style of comparable
 * OEE products: sites, lines and machines, reason codes, shifts, downtime events read incrementally
 * with keyset paging, production counts and OEE per machine and period, a bearer token, one error
 * shape, a per-token rate limit. Data is generated from the seed, never stored; it moves with the
 * clock. New downtime events can be pushed, signed, to a webhook.
 *
 * <pre>{@code
 * try (IdhammarSandbox idhammar = new IdhammarSandbox(IdhammarSandboxConfig.defaults()).start(0)) {
 *   Connection connection = idhammar.connection("idhammar-sandbox");   // type "idhammar", baseUrl + apiToken
 *   idhammar.faults().failNext(2, 503);
 * }
 * }</pre>
 *
 * Standalone: {@code java -cp ... io.millflow.connector.idhammar.sandbox.IdhammarSandbox
 * --port=8091} (see {@link SandboxCommandLine} for every option).
 */
public final class IdhammarSandbox implements Sandbox {

  public static final String TYPE = "idhammar";

  /** The name of the connection {@link #connections()} offers, which the example flows use. */
  public static final String CONNECTION = "idhammar-sandbox";

  private final IdhammarSandboxConfig config;
  private final Faults faults = new Faults();
  private final ErrorBody errors = new ErrorBody();
  private final Plant plant;
  private final DowntimeTimeline timeline;
  private final ProductionModel production;
  private volatile DowntimeWebhook webhook;
  private SandboxServer server;

  /**
   * Sets up the plant and the timeline (nothing is generated ahead); {@link #start} serves them.
   */
  public IdhammarSandbox(IdhammarSandboxConfig config) {
    this.config = config;
    Instant anchor = config.anchor() != null ? config.anchor() : config.clock().instant();
    long anchorSecond = anchor.getEpochSecond();
    long spacing = config.eventSpacing().toSeconds();
    this.plant =
        new Plant(
            config.seed(), Instant.ofEpochSecond(anchorSecond - config.downtimeEvents() * spacing));
    this.timeline =
        new DowntimeTimeline(config.seed(), plant, spacing, anchorSecond, config.downtimeEvents());
    this.production = new ProductionModel(config.seed(), timeline);
  }

  /** Serves on the loopback interface; port 0 picks a free port (tests: always 0). */
  public IdhammarSandbox start(int port) {
    return start(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
  }

  public synchronized IdhammarSandbox start(InetSocketAddress address) {
    if (server != null) {
      throw new IllegalStateException("The sandbox is already running at " + baseUrl());
    }
    PlantFilter filter = new PlantFilter(plant);
    DowntimeEventsResource downtime = new DowntimeEventsResource(timeline, filter);
    PeriodsResource counts =
        new PeriodsResource(
            plant,
            timeline.dataStart(),
            filter,
            production::production,
            Granularity.HOUR,
            Granularity.SHIFT);
    PeriodsResource oee =
        new PeriodsResource(
            plant,
            timeline.dataStart(),
            filter,
            production::oee,
            Granularity.HOUR,
            Granularity.SHIFT,
            Granularity.DAY);
    TokenGate gate = new TokenGate(config.apiToken(), faults, errors, config.rateLimitPerMinute());
    server =
        SandboxServer.start(address, faults, errors)
            .api(
                "/api/v1/sites",
                resource(
                    "/api/v1/sites",
                    (query, now) ->
                        StaticList.page(plant.sites().stream().map(plant::json).toList(), query)),
                gate)
            .api(
                "/api/v1/machines",
                resource("/api/v1/machines", (query, now) -> machines(query)),
                gate)
            .api(
                "/api/v1/reason-codes",
                resource(
                    "/api/v1/reason-codes",
                    (query, now) ->
                        StaticList.page(
                            Plant.DOWNTIME_REASONS.stream().map(Plant::json).toList(), query)),
                gate)
            .api(
                "/api/v1/shifts",
                resource(
                    "/api/v1/shifts",
                    (query, now) ->
                        StaticList.page(Plant.SHIFTS.stream().map(Plant::json).toList(), query)),
                gate)
            .api(
                "/api/v1/downtime-events",
                resource("/api/v1/downtime-events", downtime::page),
                gate)
            .api(
                "/api/v1/production-counts",
                resource("/api/v1/production-counts", counts::page),
                gate)
            .api("/api/v1/oee", resource("/api/v1/oee", oee::page), gate)
            .admin("/", resource("/", (query, now) -> null))
            .admin(
                AdminDowntimeEndpoint.PATH,
                new AdminDowntimeEndpoint(plant, timeline, config.clock(), this::createdByHand))
            .admin(WebhookEndpoint.PATH, new WebhookEndpoint(this));
    pushTo(config.webhook());
    return this;
  }

  /**
   * {@code http://127.0.0.1:<port>}, without a trailing slash; the API is under {@code /api/v1}.
   */
  @Override
  public String baseUrl() {
    return running().baseUrl();
  }

  public int port() {
    return running().port();
  }

  public IdhammarSandboxConfig config() {
    return config;
  }

  /** Fault injection; also reachable at {@code POST /_sandbox/faults}. */
  @Override
  public Faults faults() {
    return faults;
  }

  /** API calls received, including failed and rejected ones. */
  @Override
  public long apiCalls() {
    return running().apiCalls();
  }

  /**
   * The settings of a Millflow connection to this sandbox: {@code baseUrl}, and {@code
   * rateLimitPerMinute} set to the sandbox's own limit (0 when it has none), so the client paces
   * itself below the 429s.
   */
  public Map<String, String> connectionSettings() {
    return Map.of(
        "baseUrl", baseUrl(), "rateLimitPerMinute", Integer.toString(config.rateLimitPerMinute()));
  }

  /** The credentials of a Millflow connection to this sandbox: {@code apiToken}. */
  public Map<String, String> connectionCredentials() {
    return Map.of("apiToken", config.apiToken());
  }

  /** A Millflow connection of type {@value #TYPE} to this sandbox. */
  public Connection connection(String name) {
    return new Connection(name, TYPE, connectionSettings(), connectionCredentials());
  }

  /** {@value #CONNECTION}. */
  @Override
  public List<Connection> connections() {
    return List.of(connection(CONNECTION));
  }

  @Override
  public String summary() {
    return String.format(
        "Idhammar OEE sandbox: %s (%d downtime events)", baseUrl(), config.downtimeEvents());
  }

  /**
   * The start of the generated history: no event starts before it, and periods are reported from it
   * on.
   */
  public Instant dataStart() {
    return Instant.ofEpochSecond(timeline.dataStart());
  }

  /**
   * Points the push of downtime events at another webhook (a Millflow trigger created after the
   * sandbox started, say), or stops it with null. Events are pushed from now on; nothing that
   * happened before is sent. Also reachable at {@code POST /_sandbox/webhook}.
   */
  public synchronized void pushTo(IdhammarSandboxConfig.WebhookConfig target) {
    DowntimeWebhook previous = webhook;
    if (previous != null) {
      previous.close();
    }
    webhook = target == null ? null : new DowntimeWebhook(target, timeline, config.clock());
    if (webhook != null) {
      webhook.start();
    }
  }

  /** Where downtime events are pushed now, or null. */
  public IdhammarSandboxConfig.WebhookConfig webhookTarget() {
    DowntimeWebhook current = webhook;
    return current == null ? null : current.target();
  }

  /**
   * Looks for events that started or ended since the last look and pushes them now (the push also
   * runs by itself).
   */
  public void pushDueEvents() {
    DowntimeWebhook current = webhook;
    if (current != null) {
      current.pushDue();
    }
  }

  /** Webhook deliveries answered with 2xx so far. */
  public long webhookDeliveries() {
    DowntimeWebhook current = webhook;
    return current == null ? 0 : current.delivered();
  }

  /** Webhook delivery attempts that failed so far (each is retried until its attempts run out). */
  public long webhookFailedAttempts() {
    DowntimeWebhook current = webhook;
    return current == null ? 0 : current.failedAttempts();
  }

  @Override
  public synchronized void close() {
    pushTo(null);
    if (server != null) {
      server.close();
      server = null;
    }
  }

  public static void main(String[] args) throws InterruptedException {
    SandboxCommandLine commandLine = SandboxCommandLine.parse(args);
    IdhammarSandbox sandbox =
        new IdhammarSandbox(commandLine.config()).start(commandLine.address());
    commandLine.applyFaults(sandbox.faults());
    Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close));
    IdhammarSandboxConfig config = commandLine.config();
    System.out.println(
        "Idhammar sandbox at "
            + sandbox.baseUrl()
            + " token "
            + config.apiToken()
            + " (API under"
            + " /api/v1, "
            + config.downtimeEvents()
            + " downtime events"
            + (config.webhook() == null ? "" : ", pushing to " + config.webhook().url())
            + "); faults: POST "
            + sandbox.baseUrl()
            + FaultsEndpoint.PATH
            + ", new downtime: POST "
            + sandbox.baseUrl()
            + AdminDowntimeEndpoint.PATH
            + ". Ctrl-C stops it.");
    Thread.currentThread().join();
  }

  private void createdByHand(Event event) {
    DowntimeWebhook current = webhook;
    if (current != null) {
      current.pushStarted(event);
    }
  }

  private ObjectNode machines(QueryParameters query) {
    String siteId = query.text("siteId");
    if (siteId != null && plant.site(siteId).isEmpty()) {
      throw new BadRequest(
          "unknown_site", "No site has id '" + siteId + "': list them with GET /api/v1/sites.");
    }
    Predicate<ObjectNode> ofSite =
        row -> siteId == null || row.get("siteId").asText().equals(siteId);
    return StaticList.page(plant.equipment().stream().filter(ofSite).toList(), query);
  }

  /**
   * An API resource at exactly {@code path}: its JSON, or a {@link BadRequest} in the error shape;
   * null is a 404.
   */
  private HttpHandler resource(
      String path, BiFunction<QueryParameters, Long, ObjectNode> resource) {
    return exchange -> {
      ErrorBody.requestId(exchange);
      try {
        ObjectNode body =
            exchange.getRequestURI().getPath().equals(path)
                ? resource.apply(
                    new QueryParameters(exchange.getRequestURI()),
                    config.clock().instant().getEpochSecond())
                : null;
        if (body == null) {
          errors.write(
              exchange,
              404,
              "not_found",
              "No resource at "
                  + exchange.getRequestURI().getPath()
                  + ": the API is under /api/v1 (GET /api/v1/sites, /api/v1/machines, /api/v1/downtime-events, ...).",
              null);
          return;
        }
        SandboxJson.write(exchange, 200, body);
      } catch (BadRequest e) {
        errors.write(exchange, e.status(), e.code(), e.getMessage(), null);
      }
    };
  }

  private SandboxServer running() {
    if (server == null) {
      throw new IllegalStateException("The sandbox is not started");
    }
    return server;
  }
}
