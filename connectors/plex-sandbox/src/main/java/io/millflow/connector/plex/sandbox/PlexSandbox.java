package io.millflow.connector.plex.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.connector.plex.protocol.PlexGuesses;
import io.millflow.connector.plex.protocol.PlexResource;
import io.millflow.sandbox.Faults;
import io.millflow.sandbox.FaultsEndpoint;
import io.millflow.sandbox.SandboxJson;
import io.millflow.sandbox.SandboxServer;
import io.millflow.step.Connection;
import io.millflow.step.Json;
import io.millflow.step.sandbox.Sandbox;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A local stand-in for Plex: the Connect resources Millflow reads (purchase orders with line items
 * and releases, suppliers, parts, containers, jobs, equipment, tenants), the ones it writes
 * (releases: create, update, cancel; inventory receipts; suppliers: create, update; batch
 * production on a workcenter) and the Data Source API, in Plex's shapes (bare JSON arrays, Plex's
 * error bodies, 401 for a wrong key, 429 with {@code Retry-After} past the rate limit),
 * deterministic generated data, and the sandbox kit's faults. Pointing a Plex connection at {@link
 * #baseUrl()} instead of {@code https://connect.plex.com} is the only difference for a client.
 *
 * <pre>{@code
 * try (PlexSandbox plex = new PlexSandbox(PlexSandboxConfig.defaults().withPurchaseOrders(10_000)).start(0)) {
 *   plex.faults().failNext(2, 503);
 *   ... connection settings {baseUrl: plex.baseUrl()}, credentials {apiKey: plex.config().apiKey()}
 * }
 * }</pre>
 *
 * Standalone: {@code java -cp ... io.millflow.connector.plex.sandbox.PlexSandbox --port=8089
 * --purchase-orders=10000} (see {@link SandboxCommandLine} for every option).
 */
public final class PlexSandbox implements Sandbox {

  /** The name of the connection {@link #connections()} offers, which the example flows use. */
  public static final String CONNECTION = "plex-sandbox";

  private final PlexSandboxConfig config;
  private final Faults faults = new Faults();
  private final PurchaseOrderData data;
  private final Map<PlexResource, ResourceData> resources;
  private final ReleaseStore releases;
  private final ReceiptsHandler receipts;
  private final SupplierStore suppliers;
  private final ProductionHandler production;
  private SandboxServer server;

  /**
   * Generates the data (about 20 bytes a record; 10,000 orders take milliseconds); {@link #start}
   * serves it.
   */
  public PlexSandbox(PlexSandboxConfig config) {
    this.config = config;
    this.data = new PurchaseOrderData(config);
    this.resources = ResourceData.of(config);
    this.releases = new ReleaseStore(data, Clock.systemUTC());
    this.suppliers = new SupplierStore(resources.get(PlexResource.SUPPLIERS), Clock.systemUTC());
    this.receipts = new ReceiptsHandler(suppliers);
    this.production =
        new ProductionHandler(new MasterDataGenerator(config), resources.get(PlexResource.PARTS));
  }

  /** Serves on the loopback interface; port 0 picks a free port (tests: always 0). */
  public PlexSandbox start(int port) {
    return start(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
  }

  public synchronized PlexSandbox start(InetSocketAddress address) {
    if (server != null) {
      throw new IllegalStateException("The sandbox is already running at " + baseUrl());
    }
    ApiGate gate = new ApiGate(config, faults);
    ReleasesHandler releaseHandler = new ReleasesHandler(releases);
    server =
        SandboxServer.start(address, faults, PlexErrorShape.PLEX)
            .api(PurchasingHandler.PATH, new PurchasingHandler(data), gate)
            .api("/mdm/v1/tenants", exchange -> SandboxJson.write(exchange, 200, tenants()), gate)
            .api(ReleasesHandler.PATH, releaseHandler.routes(), gate.writable())
            .api(ReleasesHandler.CANCEL_PATH, releaseHandler.cancelRoutes(), gate.writable())
            .api(ReceiptsHandler.PATH, receipts.routes(), gate.writable())
            .api(
                PlexResource.SUPPLIERS.path(),
                new SuppliersHandler(suppliers).routes(),
                gate.writable())
            .api(ProductionHandler.PATH, production.routes(), gate.writable())
            .api(ProductionHandler.DEFINITIONS_PATH, production.definitionRoutes(), gate);
    resources.forEach(
        (resource, records) -> {
          if (resource != PlexResource.SUPPLIERS) {
            server.api(resource.path(), new RecordsHandler(resource, records), gate);
          }
        });
    server
        .api(
            DataSourceHandler.PATH,
            new DataSourceHandler(
                new DataSourceCatalog(config), config.dataSourceAccount(), faults))
        .api(
            "/",
            exchange ->
                PlexErrorShape.PLEX.write(
                    exchange,
                    404,
                    null,
                    "No resource at " + exchange.getRequestURI().getPath() + " in this sandbox.",
                    null),
            gate)
        .admin(TouchEndpoint.PATH, new TouchEndpoint(this, Clock.systemUTC()));
    return this;
  }

  @Override
  public String baseUrl() {
    return running().baseUrl();
  }

  /**
   * Where the sandbox serves Plex's Data Source API ({@code /api/datasources/...}, Basic auth of
   * {@link PlexSandboxConfig#dataSourceAccount()}): the same server, so the same as {@link
   * #baseUrl()}.
   */
  public String dataSourceBaseUrl() {
    return baseUrl();
  }

  public int port() {
    return running().port();
  }

  public PlexSandboxConfig config() {
    return config;
  }

  /**
   * Faults of the next API calls, error rate, latency, outage and revoked keys (a revoked key gets
   * Plex's 401).
   */
  @Override
  public Faults faults() {
    return faults;
  }

  /**
   * A 403 for a used-up usage quota with {@code Retry-After}, to plan with {@code faults().plan(1,
   * PlexSandbox.quotaExceeded(Duration.ofSeconds(60)))}.
   */
  public static Faults.Failure quotaExceeded(Duration retryAfter) {
    return new Faults.Failure(403, PlexGuesses.QUOTA_EXCEEDED_CODE, retryAfter);
  }

  /**
   * Purchase order {@code id} was edited at {@code when}: from now on it and its line items carry
   * that modified date, so it moves to another modified-date window, as an order edited during a
   * sync does in Plex.
   *
   * @throws IllegalArgumentException when no order has that id
   */
  public void touchPurchaseOrder(String id, Instant when) {
    int index = data.indexOf(id);
    if (index < 0) {
      throw new IllegalArgumentException("No purchase order with id '" + id + "'");
    }
    data.touch(index, when);
  }

  /**
   * Record {@code id} of a resource with a modified date (suppliers, parts; containers by serial
   * number) was edited at {@code when}.
   *
   * @throws IllegalArgumentException for jobs or equipment (no modified date in Plex), or an
   *     unknown id
   */
  public void touch(PlexResource resource, String id, Instant when) {
    resources.get(resource).touch(id, when);
  }

  /** How many purchase-order releases the API created (updates and cancels not counted). */
  public long releasesCreated() {
    return releases.created();
  }

  /** How many suppliers the API created (updates not counted). */
  public long suppliersCreated() {
    return suppliers.created();
  }

  /** Every production the API recorded, oldest first, as Plex answered it. */
  public List<ObjectNode> productionRecorded() {
    return production.recorded();
  }

  /** The id of the sandbox's workcenter {@code index} (0-based; equipment sits in them). */
  public String workcenterId(int index) {
    return new MasterDataGenerator(config).workcenterId(index);
  }

  /** How many inventory receipts the API created. */
  public int receiptsCreated() {
    return receipts.count();
  }

  /**
   * How many API calls (not {@code /_sandbox} calls) the sandbox has received, including rejected
   * ones.
   */
  @Override
  public long apiCalls() {
    return running().apiCalls();
  }

  /**
   * A {@code plex} connection to this sandbox named {@code name}: {@code baseUrl} and {@code
   * dataSourceBaseUrl} here, {@code rateLimitPerMinute} at the sandbox's own limit (so the client
   * paces itself below the 429s), the API key and the Data Source account.
   */
  public Connection connection(String name) {
    PlexSandboxConfig.DataSourceAccount account = config.dataSourceAccount();
    return new Connection(
        name,
        "plex",
        Map.of(
            "baseUrl",
            baseUrl(),
            "rateLimitPerMinute",
            String.valueOf(config.rateLimitPerMinute()),
            "dataSourceBaseUrl",
            dataSourceBaseUrl()),
        Map.of(
            "apiKey",
            config.apiKey(),
            "username",
            account.username(),
            "password",
            account.password()));
  }

  /** {@value #CONNECTION}. */
  @Override
  public List<Connection> connections() {
    return List.of(connection(CONNECTION));
  }

  @Override
  public String summary() {
    return String.format(
        "Plex sandbox: %s (%d purchase orders, %d lines each)",
        baseUrl(), config.purchaseOrders(), config.linesPerOrder());
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  public static void main(String[] args) throws InterruptedException {
    SandboxCommandLine commandLine = SandboxCommandLine.parse(args);
    PlexSandbox sandbox = new PlexSandbox(commandLine.config()).start(commandLine.address());
    commandLine.applyFaults(sandbox.faults());
    Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close));
    System.out.println(
        "Plex sandbox at "
            + sandbox.baseUrl()
            + " with "
            + commandLine.config().purchaseOrders()
            + " purchase orders; API key "
            + commandLine.config().apiKey()
            + ". Faults: POST "
            + sandbox.baseUrl()
            + FaultsEndpoint.PATH
            + "; edits: POST "
            + sandbox.baseUrl()
            + TouchEndpoint.PATH
            + ". Ctrl-C stops it.");
    Thread.currentThread().join();
  }

  private SandboxServer running() {
    if (server == null) {
      throw new IllegalStateException("The sandbox is not started");
    }
    return server;
  }

  private ArrayNode tenants() {
    ArrayNode tenants = Json.mapper().createArrayNode();
    tenants
        .addObject()
        .put(
            "id",
            config.tenantId() != null ? config.tenantId() : "7f3e5a9c-2b4d-4e6f-8a1c-3d5e7f9b0a2c")
        .put("code", "MILLFLOW-SANDBOX")
        .put("name", "Millflow Plex sandbox");
    return tenants;
  }
}
