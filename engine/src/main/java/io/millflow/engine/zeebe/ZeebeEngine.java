package io.millflow.engine.zeebe;

import io.camunda.client.CamundaClient;
import io.camunda.client.CamundaClientBuilder;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.client.impl.oauth.OAuthCredentialsProviderBuilder;
import io.millflow.engine.config.MillflowConfig;
import io.millflow.engine.port.EngineIncident;
import io.millflow.engine.port.FlowRefusedException;
import io.millflow.engine.port.Message;
import io.millflow.engine.port.ProcessEngine;
import io.millflow.engine.port.RunEndHandler;
import io.millflow.engine.port.TaskWorker;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * The Camunda 8 adapter of the engine port: a Zeebe cluster at {@code millflow.zeebe.address},
 * reached through the Apache-2.0 Camunda client over gRPC (and its REST API for incidents, when
 * {@code millflow.zeebe.rest-address} is set).
 */
public final class ZeebeEngine implements ProcessEngine, AutoCloseable {

  private final AtomicBoolean closed = new AtomicBoolean();

  private static final Logger LOG = Logger.getLogger(ZeebeEngine.class);

  private final CamundaClient client;
  private final String engineId;
  private final boolean restConfigured;
  private final RetryDelay retryDelay;
  private final String workerName;
  private final List<JobWorker> workers = new ArrayList<>();

  public ZeebeEngine(MillflowConfig config, String workerName) {
    MillflowConfig.Zeebe zeebe = config.zeebe();
    String address =
        zeebe
            .address()
            .orElseThrow(() -> new IllegalStateException("millflow.zeebe.address is not set"));
    this.restConfigured = zeebe.restAddress().isPresent();
    this.engineId = "cluster:" + address;
    this.client = clusterClient(zeebe, config.dataDir());
    this.workerName = workerName;
    this.retryDelay =
        zeebe.retryBackoff().orElse(MillflowConfig.RetryBackoff.ZEEBE)
                == MillflowConfig.RetryBackoff.WORKER
            ? new RetryDelay.HeldByWorker(client)
            : new RetryDelay.ZeebeBackoff();
    LOG.infof("Engine: Camunda 8 cluster at %s", address);
  }

  @Override
  public String engineId() {
    return engineId;
  }

  @Override
  public boolean embedded() {
    return false;
  }

  @Override
  public boolean answers() {
    try {
      return !client
          .newTopologyRequest()
          .requestTimeout(Duration.ofSeconds(2))
          .send()
          .join()
          .getBrokers()
          .isEmpty();
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The client, for tests that talk to the cluster directly. */
  public CamundaClient client() {
    return client;
  }

  /** A cluster keeps it, but a call per process version is not worth it here: empty. */
  @Override
  public Optional<String> deployedBpmn(String definitionKey) {
    return Optional.empty();
  }

  @Override
  public void deploy(String processId, String bpmnXml) {
    String prepared = RunEndListener.addTo(bpmnXml);
    try {
      client
          .newDeployResourceCommand()
          .addResourceStringUtf8(prepared, processId + ".bpmn")
          .send()
          .join();
    } catch (ClientStatusException e) {
      if (e.getStatusCode() == io.grpc.Status.Code.INVALID_ARGUMENT) {
        throw new FlowRefusedException(
            List.of(
                new FlowRefusedException.Problem(
                    null, "Zeebe rejected the flow: " + e.getMessage())));
      }
      throw e;
    }
  }

  @Override
  public String start(String processId, Map<String, Object> variables) {
    long key =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(processId)
            .latestVersion()
            .variables(variables)
            .send()
            .join()
            .getProcessInstanceKey();
    return Long.toString(key);
  }

  /**
   * Zeebe has no lookup by business key here: a start lost between the start and its record is
   * started again.
   */
  @Override
  public String startOnce(String processId, Map<String, Object> variables, String startKey) {
    return start(processId, variables);
  }

  @Override
  public void publish(Message message) {
    client
        .newPublishMessageCommand()
        .messageName(message.name())
        .correlationKey(message.correlationKey())
        .messageId(message.messageId())
        .timeToLive(message.timeToLive())
        .variables(message.variables())
        .send()
        .join();
  }

  /**
   * A Camunda 8 cluster keeps its history in its own exporters and cleans it by its own retention.
   */
  @Override
  public void forgetEnded(Collection<String> instanceKeys) {
    // nothing of an ended instance is kept on Millflow's side of the cluster
  }

  @Override
  public void cancel(String instanceKey) {
    try {
      client.newCancelInstanceCommand(Long.parseLong(instanceKey)).send().join();
    } catch (ClientStatusException e) {
      if (e.getStatusCode() != io.grpc.Status.Code.NOT_FOUND) {
        throw e;
      }
    }
  }

  @Override
  public List<EngineIncident> openIncidents(String instanceKey) {
    return activeIncidents(instanceKey).stream()
        .map(
            i ->
                new EngineIncident(
                    Long.toString(i.getIncidentKey()), i.getElementId(), i.getErrorMessage()))
        .toList();
  }

  @Override
  public void retry(String instanceKey, int retries) {
    for (Incident incident : activeIncidents(instanceKey)) {
      if (incident.getJobKey() != null && incident.getJobKey() > 0) {
        client.newUpdateRetriesCommand(incident.getJobKey()).retries(retries).send().join();
      }
      client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();
    }
  }

  private List<Incident> activeIncidents(String instanceKey) {
    if (!restConfigured) {
      throw new IllegalStateException(
          "Finding a run's incidents on a cluster needs its REST API: set "
              + "millflow.zeebe.rest-address, or resolve the incident in Operate.");
    }
    return client
        .newIncidentSearchRequest()
        .filter(f -> f.processInstanceKey(Long.parseLong(instanceKey)).state(IncidentState.ACTIVE))
        .send()
        .join()
        .items();
  }

  @Override
  public void openWorkers(Collection<TaskWorker> taskWorkers, RunEndHandler runEnds) {
    for (TaskWorker worker : taskWorkers) {
      workers.add(
          client
              .newWorker()
              .jobType(worker.type())
              .handler(new ZeebeJobHandler(worker.handler(), client, retryDelay))
              .name("millflow-" + worker.type() + "@" + workerName)
              .timeout(worker.lockDuration())
              .fetchVariables(worker.variables())
              .open());
    }
    workers.add(
        client
            .newWorker()
            .jobType(RunEndListener.JOB_TYPE)
            .handler(new RunEndListener(runEnds, client))
            .name("millflow-run-end@" + workerName)
            .timeout(Duration.ofSeconds(30))
            .fetchVariables(List.of())
            .open());
  }

  /**
   * Workers stay open for the life of the process: a closed polling worker can leave a long poll
   * that takes jobs.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return; // closed by the orderly stop, then again as a bean
    }
    workers.forEach(JobWorker::close);
    retryDelay.close();
    client.close();
  }

  private static CamundaClient clusterClient(MillflowConfig.Zeebe zeebe, Path dataDir) {
    CamundaClientBuilder builder =
        CamundaClient.newClientBuilder()
            .grpcAddress(URI.create(zeebe.address().orElseThrow()))
            .preferRestOverGrpc(false)
            .defaultRequestTimeout(Duration.ofSeconds(20))
            .numJobWorkerExecutionThreads(zeebe.workerThreads())
            .defaultJobWorkerMaxJobsActive(zeebe.maxJobsActive());
    zeebe.restAddress().ifPresent(rest -> builder.restAddress(URI.create(rest)));
    zeebe
        .caCertificatePath()
        .ifPresent(ca -> builder.caCertificatePath(ca.toAbsolutePath().toString()));
    MillflowConfig.OAuth oauth = zeebe.oauth();
    if (oauth.clientId().isPresent()) {
      builder.credentialsProvider(
          new OAuthCredentialsProviderBuilder()
              .clientId(oauth.clientId().get())
              .clientSecret(
                  oauth
                      .clientSecret()
                      .orElseThrow(
                          () ->
                              new IllegalStateException(
                                  "millflow.zeebe.oauth.client-secret is required when millflow.zeebe.oauth.client-id is set")))
              .authorizationServerUrl(
                  oauth
                      .authorizationServerUrl()
                      .orElseThrow(
                          () ->
                              new IllegalStateException(
                                  "millflow.zeebe.oauth.authorization-server-url is required when millflow.zeebe.oauth.client-id is set")))
              .audience(oauth.audience().orElse("zeebe-api"))
              // The client caches tokens in a file; keep it in Millflow's data directory, not the
              // user's home.
              .credentialsCachePath(
                  dataDir.toAbsolutePath().resolve("zeebe-credentials-cache.yaml").toString())
              .build());
    }
    return builder.build();
  }
}
