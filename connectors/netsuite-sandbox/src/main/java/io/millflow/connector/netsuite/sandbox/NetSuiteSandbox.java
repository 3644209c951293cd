package io.millflow.connector.netsuite.sandbox;

import io.millflow.connector.netsuite.protocol.PemKeys;
import io.millflow.sandbox.Faults;
import io.millflow.sandbox.FaultsEndpoint;
import io.millflow.sandbox.SandboxServer;
import io.millflow.step.Connection;
import io.millflow.step.sandbox.Sandbox;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A local stand-in for NetSuite's SuiteTalk REST web services: the M2M token endpoint (PS256 client
 * assertions verified against the certificate), token-based auth (HMAC-SHA256 signatures verified),
 * SuiteQL over generated purchase orders with their lines, vendors and inventory items (paging
 * envelope, the result ceiling, the concurrency limit), records by id, NetSuite's error bodies, and
 * the kit's faults. Pointing a connection at {@link #baseUrl()} instead of {@code
 * https://<account>.suitetalk.api.netsuite.com} is the only difference for a client.
 *
 * <pre>{@code
 * try (NetSuiteSandbox netsuite = new NetSuiteSandbox(NetSuiteSandboxConfig.defaults()).start(0)) {
 *   Connection connection = netsuite.connection("netsuite-sandbox");      // M2M; tbaConnection(...) for TBA
 *   netsuite.faults().failNext(2, 503);
 * }
 * }</pre>
 *
 * Standalone: {@code java -cp ... io.millflow.connector.netsuite.sandbox.NetSuiteSandbox
 * --port=8090} (options in {@link SandboxCommandLine}).
 */
public final class NetSuiteSandbox implements Sandbox {

  /** The name of the connection {@link #connections()} offers, which the example flows use. */
  public static final String CONNECTION = "netsuite-sandbox";

  private final NetSuiteSandboxConfig config;
  private final SandboxData data;
  private final Faults faults;
  private final IssuedTokens tokens;
  private final RSAPublicKey certificateKey;
  private final String privateKeyPem;
  private final WrittenRecords written;
  private final AsyncJobs jobs;
  private SandboxServer server;
  private ApiAuth auth;

  /**
   * Generates the timelines of the data (16 bytes a record) and, without a certificate, an M2M key
   * pair.
   */
  public NetSuiteSandbox(NetSuiteSandboxConfig config) {
    this.config = config;
    this.data = new SandboxData(config);
    this.faults = new Faults(config.clock(), config.seed());
    this.tokens = new IssuedTokens(config.clock());
    this.written = new WrittenRecords(data, config.clock());
    this.jobs = new AsyncJobs(config.clock(), config.asyncJobDelay());
    try {
      if (config.certificatePem() != null) {
        this.certificateKey =
            (RSAPublicKey) PemKeys.certificate(config.certificatePem()).getPublicKey();
        this.privateKeyPem = null;
      } else {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(
            2048); // the real set-up uses 4096; 2048 starts faster and signs the same way
        KeyPair pair = generator.generateKeyPair();
        this.certificateKey = (RSAPublicKey) pair.getPublic();
        this.privateKeyPem = PemKeys.pem(pair.getPrivate());
      }
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new IllegalArgumentException(
          "The sandbox needs an RSA certificate (public.pem): " + e.getMessage(), e);
    }
  }

  /** Serves on the loopback interface; port 0 picks a free port (tests: always 0). */
  public synchronized NetSuiteSandbox start(int port) {
    if (server != null) {
      throw new IllegalStateException("The sandbox is already running at " + baseUrl());
    }
    auth = new ApiAuth(config, faults, tokens);
    server =
        SandboxServer.start(port, faults, NetSuiteErrorShape.INSTANCE)
            .api(TokenEndpoint.PATH, new TokenEndpoint(config, certificateKey, faults, tokens))
            .api(
                SuiteQlHandler.PATH,
                new SuiteQlHandler(config, new SuiteQlEngine(data, config.timeZone())),
                auth)
            .api(RecordHandler.PATH, new RecordHandler(config, data, written, jobs), auth)
            .api(AsyncJobHandler.PATH, new AsyncJobHandler(jobs), auth)
            .admin(TokensEndpoint.PATH, new TokensEndpoint(tokens))
            .api(
                "/",
                exchange ->
                    NetSuiteErrorShape.INSTANCE.write(
                        exchange,
                        404,
                        "INVALID_URL",
                        "No resource at "
                            + exchange.getRequestURI().getPath()
                            + " in this sandbox.",
                        null));
    return this;
  }

  /**
   * {@code http://127.0.0.1:<port>}, without a trailing slash: the connection's {@code baseUrl}.
   */
  @Override
  public String baseUrl() {
    return running().baseUrl();
  }

  public NetSuiteSandboxConfig config() {
    return config;
  }

  /**
   * Plans failures of the next API calls, an outage, revoked credentials (also at {@link
   * FaultsEndpoint#PATH}).
   */
  @Override
  public Faults faults() {
    return faults;
  }

  /** API calls received, token requests included, rejected ones too. */
  @Override
  public long apiCalls() {
    return running().apiCalls();
  }

  /**
   * API calls refused with CONCURRENCY_LIMIT_EXCEEDED because the account had too many in flight.
   */
  public long concurrencyRefusals() {
    running();
    return auth.refusals();
  }

  /** How many records of {@code type} clients created (an upsert that updates adds none). */
  public long writtenRecords(String recordType) {
    return written.count(recordType);
  }

  /** A record a client wrote, by internal id or {@code eid:<externalId>}, as GET answers it. */
  public java.util.Optional<com.fasterxml.jackson.databind.node.ObjectNode> writtenRecord(
      String recordType, String idOrExternalId) {
    return written.get(recordType, idOrExternalId);
  }

  /** Asynchronous requests run so far; a request repeating an idempotency key is not run. */
  public long asyncRequestsRun() {
    return jobs.runs();
  }

  /** Access tokens issued so far. */
  public long tokensIssued() {
    return tokens.issued();
  }

  /**
   * Every access token issued so far stops working now (the next call with one gets 401
   * INVALID_LOGIN).
   */
  public void revokeIssuedTokens() {
    tokens.revokeAll();
  }

  /**
   * The PEM of the generated M2M private key; null when the config gave a certificate (the caller
   * has the key).
   */
  public String privateKeyPem() {
    return privateKeyPem;
  }

  /**
   * The connection settings a client needs: {@code accountId}, {@code baseUrl} and the account's
   * {@code timeZone}.
   */
  public Map<String, String> settings() {
    return Map.of(
        "accountId",
        config.accountId(),
        "baseUrl",
        baseUrl(),
        "timeZone",
        config.timeZone().getId());
  }

  /**
   * M2M credentials: {@code clientId}, {@code certificateId} and, when generated here, {@code
   * privateKey}.
   */
  public Map<String, String> m2mCredentials() {
    Map<String, String> credentials = new LinkedHashMap<>();
    credentials.put("clientId", config.clientId());
    credentials.put("certificateId", config.certificateId());
    if (privateKeyPem != null) {
      credentials.put("privateKey", privateKeyPem);
    }
    return credentials;
  }

  /**
   * Token-based auth credentials: {@code consumerKey}, {@code consumerSecret}, {@code tokenId},
   * {@code tokenSecret}.
   */
  public Map<String, String> tbaCredentials() {
    return Map.of(
        "consumerKey",
        config.consumerKey(),
        "consumerSecret",
        config.consumerSecret(),
        "tokenId",
        config.tokenId(),
        "tokenSecret",
        config.tokenSecret());
  }

  /** A {@code netsuite} connection to this sandbox with the M2M credentials. */
  public Connection connection(String name) {
    return new Connection(name, "netsuite", settings(), m2mCredentials());
  }

  /** A {@code netsuite} connection to this sandbox with the token-based-auth credentials. */
  public Connection tbaConnection(String name) {
    return new Connection(name, "netsuite", settings(), tbaCredentials());
  }

  /** {@value #CONNECTION}, with the M2M credentials. */
  @Override
  public List<Connection> connections() {
    return List.of(connection(CONNECTION));
  }

  @Override
  public String summary() {
    return String.format(
        "NetSuite sandbox: %s (%d purchase orders)", baseUrl(), config.purchaseOrders());
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  public static void main(String[] args) throws Exception {
    SandboxCommandLine commandLine = SandboxCommandLine.parse(args);
    NetSuiteSandbox sandbox = new NetSuiteSandbox(commandLine.config()).start(commandLine.port());
    commandLine.applyFaults(sandbox.faults());
    Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close));
    System.out.println(commandLine.describe(sandbox));
    Thread.currentThread().join();
  }

  private SandboxServer running() {
    if (server == null) {
      throw new IllegalStateException("The sandbox is not started");
    }
    return server;
  }
}
