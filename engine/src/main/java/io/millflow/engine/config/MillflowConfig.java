package io.millflow.engine.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * All of Millflow's configuration, under {@code millflow.*}. docs/configuration.md lists every key
 * (a test checks).
 */
@ConfigMapping(prefix = "millflow")
public interface MillflowConfig {

  /**
   * Where embedded PostgreSQL keeps its data (and where embedded servers unpack). Survives
   * restarts.
   */
  @WithDefault("data")
  Path dataDir();

  /** The tenant that API calls act for until tenants and tokens exist. */
  @WithDefault("default")
  String tenant();

  Db db();

  Zeebe zeebe();

  /**
   * The embedded engine (Operaton), used unless {@code millflow.zeebe.address} names a Camunda 8
   * cluster.
   */
  Engine engine();

  Datasets datasets();

  /**
   * The run history's retention: runs and what belongs to them, and the embedded engine's history.
   */
  History history();

  Flows flows();

  Webhooks webhooks();

  Events events();

  Retry retry();

  Sandbox sandbox();

  /** Where calls to addresses a user gave may go (docs/configuration.md). */
  Outbound outbound();

  Security security();

  ConnectionHealthConfig connectionHealth();

  /** Metrics at {@code /q/metrics} on the management interface (docs/operations.md). */
  Metrics metrics();

  /** Traces (docs/operations.md): off unless an exporter is configured. */
  Tracing tracing();

  Log log();

  FileConnections files();

  /**
   * Connections by name: {@code millflow.connections.<name>.type}, {@code .settings.*}, {@code
   * .credentials.*}.
   */
  Map<String, ConnectionConfig> connections();

  interface Db {
    /**
     * JDBC URL of an external PostgreSQL; when absent, an embedded PostgreSQL runs under {@code
     * data-dir}.
     */
    Optional<String> url();

    Optional<String> username();

    Optional<String> password();

    @WithDefault("10")
    int poolSize();

    /**
     * How long a caller waits for a connection before it gives up: while the database is
     * unreachable, webhooks are answered 503 and step jobs are handed out again after this.
     */
    @WithDefault("PT30S")
    Duration connectionTimeout();

    /**
     * How the embedded PostgreSQL commits: {@code durable} (fsync, synchronous_commit and
     * full_page_writes on: a commit answered is on disk and survives an OS crash) or {@code unsafe}
     * (development only: fsync and synchronous_commit off, faster, but an OS crash may lose commits
     * already answered and corrupt the data).
     */
    @WithDefault("durable")
    EmbeddedDurability embeddedDurability();
  }

  enum EmbeddedDurability {
    DURABLE,
    UNSAFE
  }

  interface Engine {
    /** Step attempts this instance runs at once. */
    @WithDefault("16")
    int maxConcurrentAttempts();

    /**
     * How often this instance looks for tasks, timers, held messages and run ends made by other
     * instances.
     */
    @WithDefault("PT1S")
    Duration pollInterval();
  }

  interface Zeebe {
    /**
     * gRPC address of a Zeebe gateway (e.g. {@code http://zeebe:26500}); when absent, the embedded
     * engine runs.
     */
    Optional<String> address();

    /** REST address of the cluster, when it has one. */
    Optional<String> restAddress();

    /**
     * A PEM file of the CA that signed the gateway's certificate, for TLS ({@code https://}
     * addresses) with a private CA; without it the JVM's trusted CAs apply.
     */
    Optional<Path> caCertificatePath();

    OAuth oauth();

    /** Jobs one worker holds at once, per step type. */
    @WithDefault("8")
    int maxJobsActive();

    /** Threads that run step code. */
    @WithDefault("8")
    int workerThreads();

    /**
     * This instance's name, recorded with every step attempt it runs, so the run history says which
     * instance ran what. Default: the host name and the process id.
     */
    Optional<String> workerName();

    /**
     * Job timeout of every step attempt, in place of the one each step type declares (5 to 15
     * minutes): how long Zeebe waits before it hands the job of an instance that died to another
     * one. The worker extends it while the step reports progress, so keep it well above the longest
     * silence of a step (a big write's commit).
     */
    Optional<Duration> jobTimeout();

    /**
     * Who waits out a retryable failure's backoff: {@code zeebe} (the job waits in the broker; the
     * default in cluster mode) or {@code worker} (the worker holds the job and fails it when the
     * wait is over; the default with the embedded engine, whose in-memory backoff now and then
     * loses a job). Set {@code worker} when the cluster is that in-memory engine run on its own, as
     * in Millflow's tests.
     */
    Optional<RetryBackoff> retryBackoff();
  }

  enum RetryBackoff {
    ZEEBE,
    WORKER
  }

  interface OAuth {
    Optional<String> clientId();

    Optional<String> clientSecret();

    Optional<String> authorizationServerUrl();

    Optional<String> audience();
  }

  interface History {
    /**
     * How long a run is kept after it ended (completed, failed or cancelled), with its step
     * attempts, their log lines, its datasets and the engine's history of its instance; delivered
     * outbound events are kept as long. A run still running or at an incident is never deleted.
     */
    @WithDefault("P30D")
    Duration retention();

    /** How often ended runs older than the retention are looked for. */
    @WithDefault("PT1H")
    Duration cleanupInterval();

    /** Runs deleted per transaction. */
    @WithDefault("500")
    int cleanupBatch();
  }

  interface Datasets {
    /** How long datasets of finished runs are kept. */
    @WithDefault("P7D")
    Duration retention();

    @WithDefault("PT1H")
    Duration cleanupInterval();

    /** Records per stored chunk: the most a reader holds in memory at once. */
    @WithDefault("1000")
    int chunkRecords();
  }

  interface Events {
    /**
     * Lanes delivering one subscription's events at once; each sends a batch at a time, so at most
     * lanes × batch requests are in flight to one subscriber (a failing subscriber gets one lane,
     * probed with one event).
     */
    @WithDefault("4")
    int lanesPerSubscription();

    /** Events a lane claims, sends at once and records in one transaction. */
    @WithDefault("32")
    int batch();
  }

  /**
   * Bounds of a flow deployed through the API, checked before it is parsed or reaches the engine.
   */
  interface Flows {
    /**
     * The largest BPMN a deploy takes, in bytes (UTF-8). The engine's own limit is lower than it
     * looks: Zeebe refuses a deployment over its 4 MB message size, with Millflow's listeners
     * added.
     */
    @WithDefault("2097152")
    int maxBpmnBytes();

    /** The most flow elements (tasks, events, gateways, sequence flows, ...) a flow may hold. */
    @WithDefault("2000")
    int maxElements();
  }

  interface Webhooks {
    /**
     * How long a handled webhook stays in the inbox, and so how long a repeated event id is
     * recognised as a duplicate. Pending and dead events are never purged.
     */
    @WithDefault("P7D")
    Duration dedupRetention();

    /**
     * Whether this instance dispatches accepted webhooks to flows. Off, it still accepts and stores
     * them (nothing is lost) and another instance, or this one after a restart with it on,
     * dispatches them.
     */
    @WithDefault("true")
    boolean dispatch();

    /**
     * Request headers the inbox keeps for every trigger, besides those a trigger's expressions and
     * event id read (names in any case). Credentials ({@code Authorization}, {@code Cookie},
     * tokens, API keys) and the signature are never kept, even when listed.
     */
    @WithDefault("content-type")
    java.util.Set<String> keptHeaders();

    /**
     * The most bytes (as JSON) of variables a webhook starts a flow or publishes a message with;
     * over it, the largest variables go to the dataset store and the flow gets a dataset reference
     * in their place (Zeebe refuses a message over 4 MB, a trigger accepts up to 10 MB).
     */
    @WithDefault("262144")
    long inlineVariablesBytes();
  }

  interface Retry {
    /** First retry delay of a retryable step failure; doubles per attempt, with jitter. */
    @WithDefault("PT1S")
    Duration initialBackoff();

    @WithDefault("PT5M")
    Duration maxBackoff();
  }

  interface Sandbox {
    /**
     * Starts the local sandboxes with the runtime (Plex, NetSuite, Idhammar OEE, and an in-memory
     * MongoDB) and the connections the example flows use.
     */
    @WithDefault("true")
    boolean enabled();

    /** Port of the Plex sandbox; 0 picks a free one. */
    @WithDefault("0")
    int plexPort();

    @WithName("plex-purchase-orders")
    @WithDefault("200")
    int plexPurchaseOrders();

    @WithDefault("5")
    int plexLinesPerOrder();

    /**
     * The key the sandbox accepts; by default a new random one each start (benchmarks set a known
     * one).
     */
    Optional<String> plexApiKey();

    /**
     * Calls per minute the sandbox allows (real Plex: about 200); 0 turns its limit and the
     * client's off.
     */
    @WithDefault("6000")
    int plexRateLimitPerMinute();

    /** Purchase orders the NetSuite sandbox serves (1 to 9 lines each, 5 on average). */
    @WithName("netsuite-purchase-orders")
    @WithDefault("200")
    int netsuitePurchaseOrders();

    /** Downtime events the Idhammar OEE sandbox has before now (more appear as time passes). */
    @WithDefault("2000")
    int idhammarDowntimeEvents();
  }

  interface Outbound {
    /**
     * Whether private addresses (10/8, 172.16/12, 192.168/16, fc00::/7) may be called: plants run
     * their systems on them.
     */
    @WithDefault("true")
    boolean allowPrivate();

    /**
     * Hosts (names or addresses, as written in the URL) that may be called whatever they resolve
     * to, loopback and link-local included: for sandboxes and tests. The runtime's own ports stay
     * refused.
     */
    Optional<java.util.List<String>> allowHosts();
  }

  interface FileConnections {
    /**
     * The directories a tenant's {@code file} connections may use, by tenant: {@code
     * millflow.files.roots.<tenant>=/srv/exports,/mnt/edi}. A base directory must lie inside one of
     * them, links followed; a relative one resolves under the first. A tenant without an entry gets
     * {@code <data-dir>/files/<tenant>} (created when first needed), so tenants never share files
     * unless an admin says so.
     */
    Map<String, java.util.List<Path>> roots();
  }

  interface ConnectionHealthConfig {
    /**
     * How often a healthy connection is checked; a failing one waits twice as long after each
     * failure, up to 1 h.
     */
    @WithDefault("PT5M")
    Duration interval();

    /** How often the runtime looks for connections due a check. */
    @WithDefault("PT15S")
    Duration pollInterval();
  }

  interface Metrics {
    /**
     * Record Millflow's meters; {@code false} makes every meter a no-op (to measure what metrics
     * cost).
     */
    @WithDefault("true")
    boolean enabled();

    /**
     * Label run, step, webhook and connection metrics with the tenant (more series: one set per
     * tenant).
     */
    @WithDefault("false")
    boolean tenantLabel();
  }

  interface Tracing {
    /**
     * OTLP/HTTP traces endpoint of a collector, e.g. {@code http://localhost:4318/v1/traces};
     * absent: no tracing.
     */
    Optional<String> otlpEndpoint();

    /** The {@code service.name} of Millflow's spans. */
    @WithDefault("millflow")
    String serviceName();
  }

  interface Log {
    /** One JSON object per console line instead of text. */
    @WithDefault("false")
    boolean json();
  }

  interface Security {
    /**
     * The master key that wraps each tenant's data key: Base64 of 32 random bytes ({@code openssl
     * rand -base64 32}). Prefer {@link #masterKeyFile()} or the environment ({@code
     * MILLFLOW_SECURITY_MASTER_KEY}) to a file in the repo.
     */
    Optional<String> masterKey();

    /** A file holding the master key (Base64), readable by Millflow's user only. */
    Optional<Path> masterKeyFile();

    /**
     * The master key being replaced, during a rotation: tenant keys it wrapped are re-wrapped with
     * the current one at start (and whenever one is read), so it can be removed once every instance
     * has started with both.
     */
    Optional<String> previousMasterKey();

    Optional<Path> previousMasterKeyFile();

    /**
     * The first admin API token, used only when no token exists yet (a new installation or
     * cluster): at least 24 random characters, from the environment ({@code
     * MILLFLOW_SECURITY_ADMIN_TOKEN}). Without it, embedded mode creates one and prints it once.
     */
    Optional<String> adminToken();

    /**
     * Serve plain HTTP on an address other than loopback (only behind a proxy that terminates TLS);
     * without it, such a configuration refuses to start.
     */
    @WithDefault("false")
    boolean allowPlainHttp();
  }

  interface ConnectionConfig {
    String type();

    Map<String, String> settings();

    Map<String, String> credentials();
  }
}
