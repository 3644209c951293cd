package io.millflow.engine.zeebe;

import io.camunda.client.CamundaClient;
import io.camunda.client.CamundaClientBuilder;
import io.camunda.client.impl.oauth.OAuthCredentialsProviderBuilder;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.millflow.engine.config.MillflowConfig;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.ServerSocket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.response.Incident;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The Zeebe that runs Millflow's flows, reached through one Camunda client over gRPC whatever the mode: an in-memory
 * engine started here (embedded, the default), or a cluster at {@code millflow.zeebe.address}.
 */
@Singleton
public class ZeebeRuntime {

  private static final Logger LOG = Logger.getLogger(ZeebeRuntime.class);

  private final Optional<ZeebeTestEngine> embedded;
  private final CamundaClient client;
  private final String engineId;
  private final EngineMode mode;
  private final boolean restConfigured;
  private final Instant startedAt = Instant.now();

  public ZeebeRuntime(MillflowConfig config) {
    MillflowConfig.Zeebe zeebe = config.zeebe();
    this.restConfigured = zeebe.restAddress().isPresent();
    if (zeebe.address().isPresent()) {
      this.embedded = Optional.empty();
      this.mode = EngineMode.CLUSTER;
      this.engineId = "cluster:" + zeebe.address().get();
      this.client = clusterClient(zeebe, config.dataDir());
      LOG.infof("Zeebe: cluster at %s", zeebe.address().get());
    } else {
      int port = zeebe.embeddedPort() == 0 ? freePort() : zeebe.embeddedPort();
      ZeebeTestEngine engine = EngineFactory.create(port);
      InMemoryLogGuard.apply(engine);
      engine.start();
      this.embedded = Optional.of(engine);
      this.mode = EngineMode.EMBEDDED;
      this.engineId = "embedded:" + UUID.randomUUID();
      this.client = baseBuilder(zeebe).grpcAddress(URI.create("http://" + engine.getGatewayAddress())).build();
      LOG.warnf("Zeebe: embedded in-memory engine on %s. Its state does NOT survive a restart: running flow instances "
          + "are lost when Millflow stops (run history and datasets are kept). For durable work use a Zeebe cluster "
          + "(millflow.zeebe.address).", engine.getGatewayAddress());
    }
  }

  public CamundaClient client() {
    return client;
  }

  /** Tells runs of this engine apart from runs of earlier in-memory engines, whose instance keys repeat. */
  public String engineId() {
    return engineId;
  }

  public EngineMode mode() {
    return mode;
  }

  /** When this runtime connected to (or started) its engine; an in-memory engine's timers start from here. */
  public Instant startedAt() {
    return startedAt;
  }

  /** The in-memory engine, for tests that move its clock. */
  public Optional<ZeebeTestEngine> embeddedEngine() {
    return embedded;
  }

  /**
   * The keys of the process instance's open incidents: read from the in-memory engine's record stream, or searched
   * through the cluster's REST API (which needs {@code millflow.zeebe.rest-address}).
   */
  public List<Long> openIncidents(long processInstanceKey) {
    if (embedded.isPresent()) {
      return InMemoryIncidents.open(embedded.get(), processInstanceKey);
    }
    if (!restConfigured) {
      throw new IllegalStateException("Finding a run's incidents on a cluster needs its REST API: set "
          + "millflow.zeebe.rest-address, or resolve the incident in Operate.");
    }
    return client.newIncidentSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey).state(IncidentState.ACTIVE))
        .send().join().items().stream().map(Incident::getIncidentKey).toList();
  }

  @PreDestroy
  void close() {
    client.close();
    embedded.ifPresent(ZeebeTestEngine::stop);
  }

  private static CamundaClient clusterClient(MillflowConfig.Zeebe zeebe, java.nio.file.Path dataDir) {
    CamundaClientBuilder builder = baseBuilder(zeebe).grpcAddress(URI.create(zeebe.address().orElseThrow()));
    zeebe.restAddress().ifPresent(rest -> builder.restAddress(URI.create(rest)));
    zeebe.caCertificatePath().ifPresent(ca -> builder.caCertificatePath(ca.toAbsolutePath().toString()));
    MillflowConfig.OAuth oauth = zeebe.oauth();
    if (oauth.clientId().isPresent()) {
      builder.credentialsProvider(new OAuthCredentialsProviderBuilder()
          .clientId(oauth.clientId().get())
          .clientSecret(oauth.clientSecret().orElseThrow(() -> new IllegalStateException(
              "millflow.zeebe.oauth.client-secret is required when millflow.zeebe.oauth.client-id is set")))
          .authorizationServerUrl(oauth.authorizationServerUrl().orElseThrow(() -> new IllegalStateException(
              "millflow.zeebe.oauth.authorization-server-url is required when millflow.zeebe.oauth.client-id is set")))
          .audience(oauth.audience().orElse("zeebe-api"))
          // The client caches tokens in a file; keep it in Millflow's data directory, not the user's home.
          .credentialsCachePath(dataDir.toAbsolutePath().resolve("zeebe-credentials-cache.yaml").toString())
          .build());
    }
    return builder.build();
  }

  private static CamundaClientBuilder baseBuilder(MillflowConfig.Zeebe zeebe) {
    return CamundaClient.newClientBuilder()
        .preferRestOverGrpc(false)
        .defaultRequestTimeout(Duration.ofSeconds(20))
        .numJobWorkerExecutionThreads(zeebe.workerThreads())
        .defaultJobWorkerMaxJobsActive(zeebe.maxJobsActive());
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public enum EngineMode { EMBEDDED, CLUSTER }
}
