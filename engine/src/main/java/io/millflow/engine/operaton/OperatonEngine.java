package io.millflow.engine.operaton;

import io.millflow.engine.feel.BoundedFeel;
import io.millflow.engine.lifecycle.GracefulStop;
import io.millflow.engine.port.EngineIncident;
import io.millflow.engine.port.FlowRefusedException;
import io.millflow.engine.port.Message;
import io.millflow.engine.port.ProcessEngine;
import io.millflow.engine.port.RunEndHandler;
import io.millflow.engine.port.TaskWorker;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.jdbi.v3.core.Jdbi;
import org.operaton.bpm.engine.ParseException;
import org.operaton.bpm.engine.Problem;
import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.ResourceReport;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.jobexecutor.TimerStartEventJobHandler;
import org.operaton.bpm.engine.runtime.Incident;
import org.operaton.bpm.engine.runtime.Job;

/**
 * The embedded engine: Operaton (Apache 2.0, the open-source continuation of Camunda 7) in this
 * process, its state in Millflow's PostgreSQL next to the state store, running flows authored in
 * the Camunda 8 dialect. Service tasks are external tasks fetched and locked by this instance's
 * workers; timers, messages, incidents and history are the engine's and survive a restart; several
 * Millflow instances on one database share the work. See docs/engine-mapping.md for what of the
 * dialect is translated how, and what is refused.
 *
 * <p>Construct it once per Millflow instance (it starts the engine and its job executor), call
 * {@link #openWorkers} once the flows are deployed, and {@link #close} at shutdown.
 */
public final class OperatonEngine implements ProcessEngine, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(OperatonEngine.class);

  private static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";

  private final String workerName;
  private final OperatonSettings settings;
  private final org.operaton.bpm.engine.ProcessEngine engine;
  private final ProcessEngineConfigurationImpl configuration;
  private final ScheduledExecutorService housekeeping;
  private final WakeSignal tasksCreated = new WakeSignal();
  private final TaskChains chains;
  private final TaskNotifications notifications;
  private final RunEndCourier runEnds;
  private final MessageInbox inbox;
  private volatile TaskFetchLoop fetchLoop;
  private final java.util.concurrent.atomic.AtomicBoolean closed =
      new java.util.concurrent.atomic.AtomicBoolean();

  /**
   * Starts the engine on this database (creating or updating its ACT_ tables; Millflow's migrations
   * must have run, for the adapter's own tables) and its job executor.
   *
   * @param workerName names this Millflow instance in task and job locks (unique among instances on
   *     one database)
   */
  public OperatonEngine(DataSource dataSource, String workerName, OperatonSettings settings) {
    this(dataSource, workerName, settings, new BoundedFeel());
  }

  /** As above, with the FEEL budget every user expression in Millflow runs under. */
  public OperatonEngine(
      DataSource dataSource, String workerName, OperatonSettings settings, BoundedFeel feel) {
    this.workerName = workerName;
    this.settings = settings;
    Jdbi jdbi = Jdbi.create(dataSource);
    this.housekeeping =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("operaton-housekeeping-" + workerName).daemon().factory());
    this.runEnds = new RunEndCourier(jdbi, workerName, housekeeping);
    this.chains = new TaskChains(workerName);
    MessageInbox[] inboxRef = new MessageInbox[1];
    this.notifications =
        new TaskNotifications(dataSource, workerName, tasksCreated, settings.pollInterval());
    Translation translation =
        new Translation(
            new Feel(feel),
            notifications::taskCreated,
            chains,
            (name, key) -> housekeeping.execute(() -> inboxRef[0].arrived(name, key)),
            new RunEndRecorder(runEnds::wake));
    this.configuration =
        OperatonConfiguration.create(dataSource, workerName, settings, translation);
    this.engine = configuration.buildProcessEngine();
    this.inbox = new MessageInbox(jdbi, workerName, new MessageCorrelator(configuration));
    inboxRef[0] = inbox;
    housekeeping.scheduleWithFixedDelay(
        this::sweepMessages,
        settings.pollInterval().toMillis(),
        settings.pollInterval().toMillis(),
        TimeUnit.MILLISECONDS);
  }

  @Override
  public String engineId() {
    return "operaton";
  }

  @Override
  public boolean embedded() {
    return true;
  }

  @Override
  public Optional<String> deployedBpmn(String definitionKey) {
    try (InputStream bpmn = engine.getRepositoryService().getProcessModel(definitionKey)) {
      return Optional.of(new String(bpmn.readAllBytes(), StandardCharsets.UTF_8));
    } catch (ProcessEngineException | IOException e) {
      return Optional.empty();
    }
  }

  /** Deploys the flow as authored (byte for byte); an unchanged flow is not deployed again. */
  @Override
  public void deploy(String processId, String bpmnXml) {
    try {
      engine
          .getRepositoryService()
          .createDeployment()
          .name(processId)
          .enableDuplicateFiltering(false)
          .addInputStream(
              processId + ".bpmn",
              new ByteArrayInputStream(bpmnXml.getBytes(StandardCharsets.UTF_8)))
          .deploy();
    } catch (ParseException e) {
      throw new FlowRefusedException(problems(e));
    }
  }

  @Override
  public String start(String processId, Map<String, Object> variables) {
    return start(processId, variables, Function.identity());
  }

  @Override
  public <T> T start(String processId, Map<String, Object> variables, Function<String, T> record) {
    return startHandingOn(
        () ->
            engine
                .getRuntimeService()
                .startProcessInstanceByKey(processId, variables(variables))
                .getId(),
        record);
  }

  /**
   * Starts an instance and has the starter record it ({@code record}); when an attempt slot is
   * free, the first task the start creates is locked in the start's transaction and run on that
   * slot once the record is done, with no fetch ({@link TaskChains}).
   */
  private <T> T startHandingOn(Supplier<String> start, Function<String, T> record) {
    TaskFetchLoop loop = fetchLoop;
    if (loop == null || !loop.reserveSlot()) {
      return record.apply(start.get());
    }
    TaskChains.Chained first = null;
    try {
      String[] id = new String[1];
      first =
          configuration
              .getCommandExecutorTxRequired()
              .execute(context -> chains.claimingDuring(() -> id[0] = start.get()));
      return record.apply(id[0]);
    } finally {
      if (first == null) {
        loop.releaseSlot();
      } else {
        loop.runReserved(first);
      }
    }
  }

  /** Whether the workers' last fetch filled every free slot (tasks may wait); for tests. */
  boolean tasksMayWait() {
    return fetchLoop == null || fetchLoop.tasksMayWait();
  }

  /** The tasks this engine's workers locked by fetching them (not handed on); for tests. */
  long tasksFetched() {
    return fetchLoop == null ? 0 : fetchLoop.fetched();
  }

  /**
   * The start key is the instance's business key; an instance of the process with it, running or
   * ended, is the one.
   */
  @Override
  public String startOnce(String processId, Map<String, Object> variables, String startKey) {
    return startOnce(processId, variables, startKey, Function.identity());
  }

  @Override
  public <T> T startOnce(
      String processId,
      Map<String, Object> variables,
      String startKey,
      Function<String, T> record) {
    var running =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(processId)
            .processInstanceBusinessKey(startKey)
            .list();
    if (!running.isEmpty()) {
      return record.apply(running.getFirst().getId());
    }
    var ended =
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(processId)
            .processInstanceBusinessKey(startKey)
            .list();
    if (!ended.isEmpty()) {
      return record.apply(ended.getFirst().getId());
    }
    return startHandingOn(
        () ->
            engine
                .getRuntimeService()
                .startProcessInstanceByKey(processId, startKey, variables(variables))
                .getId(),
        record);
  }

  @Override
  public void publish(Message message) {
    inbox.publish(message);
  }

  @Override
  public void cancel(String instanceKey) {
    engine
        .getRuntimeService()
        .deleteProcessInstanceIfExists(instanceKey, "cancelled", false, true, true, false);
  }

  @Override
  public List<EngineIncident> openIncidents(String instanceKey) {
    // Operaton copies a called child's incident to the caller as a cause; in Zeebe it is the
    // child's alone
    return engine
        .getRuntimeService()
        .createIncidentQuery()
        .processInstanceId(instanceKey)
        .list()
        .stream()
        .filter(incident -> incident.getId().equals(incident.getRootCauseIncidentId()))
        .map(OperatonEngine::incident)
        .toList();
  }

  /**
   * Gives the instance's tasks and jobs that ran out of retries these retries, which resolves their
   * incidents.
   */
  @Override
  public void retry(String instanceKey, int retries) {
    List<String> tasks =
        engine
            .getExternalTaskService()
            .createExternalTaskQuery()
            .processInstanceId(instanceKey)
            .noRetriesLeft()
            .list()
            .stream()
            .map(org.operaton.bpm.engine.externaltask.ExternalTask::getId)
            .toList();
    if (!tasks.isEmpty()) {
      engine.getExternalTaskService().setRetries(tasks, retries);
    }
    for (Job job :
        engine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(instanceKey)
            .noRetriesLeft()
            .list()) {
      engine.getManagementService().setJobRetries(job.getId(), retries);
    }
    tasksCreated.wake();
  }

  @Override
  public boolean canRetryOnLatestVersion() {
    return true;
  }

  /**
   * Moves the instance to its process's latest version and enters its failed tasks again there; the
   * failed jobs (timers, async continuations) get their retries back.
   */
  @Override
  public void retryOnLatest(String instanceKey, int retries) {
    new InstanceMigration(
            engine.getRuntimeService(),
            engine.getRepositoryService(),
            engine.getExternalTaskService())
        .toLatest(instanceKey);
    retry(instanceKey, retries);
  }

  @Override
  public boolean canPauseSchedules() {
    return true;
  }

  /**
   * Suspends the job definitions of the process's timer start events and their jobs: a suspended
   * job is not acquired by the job executor, so the timer does not fire.
   */
  @Override
  public void suspendTimers(String processId, boolean suspended) {
    var management = engine.getManagementService();
    for (var definition :
        management
            .createJobDefinitionQuery()
            .processDefinitionKey(processId)
            .jobType(TimerStartEventJobHandler.TYPE)
            .list()) {
      if (suspended) {
        management.suspendJobDefinitionById(definition.getId(), true);
      } else {
        management.activateJobDefinitionById(definition.getId(), true);
      }
    }
  }

  /** The history of ended instances; a running instance is left alone. */
  @Override
  public void forgetEnded(Collection<String> instanceKeys) {
    List<String> ended =
        instanceKeys.isEmpty()
            ? List.of()
            : engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processInstanceIds(new java.util.HashSet<>(instanceKeys))
                .finished()
                .list()
                .stream()
                .map(org.operaton.bpm.engine.history.HistoricProcessInstance::getId)
                .toList();
    if (!ended.isEmpty()) {
      engine.getHistoryService().deleteHistoricProcessInstancesIfExists(ended);
    }
  }

  @Override
  public void openWorkers(Collection<TaskWorker> workers, RunEndHandler runEndHandler) {
    if (fetchLoop != null) {
      throw new IllegalStateException("The workers of " + workerName + " are open already");
    }
    TaskShapes shapes = new TaskShapes(engine.getRepositoryService());
    TaskAttempt attempt =
        new TaskAttempt(
            engine.getExternalTaskService(),
            shapes,
            new AttemptCommands(
                engine.getExternalTaskService(),
                configuration.getCommandExecutorTxRequired(),
                workerName,
                chains),
            workerName);
    fetchLoop =
        new TaskFetchLoop(
            engine.getExternalTaskService(),
            workerName,
            workers,
            attempt,
            settings.maxConcurrentAttempts(),
            settings.pollInterval(),
            tasksCreated);
    chains.serve(workers);
    fetchLoop.start();
    runEnds.open(runEndHandler, settings.pollInterval());
    notifications.listen();
  }

  /** Stops the workers (attempts in flight may finish), the job executor and the engine. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    notifications.close();
    chains.stop();
    if (fetchLoop != null) {
      fetchLoop.close();
    }
    runEnds.close();
    GracefulStop.stop(housekeeping, Duration.ofSeconds(5));
    engine.close();
  }

  private void sweepMessages() {
    try {
      inbox.sweep();
    } catch (RuntimeException e) {
      LOG.warnf("The sweep of held messages failed: %s", e.getMessage());
    }
  }

  private static Map<String, Object> variables(Map<String, Object> variables) {
    return variables == null ? new LinkedHashMap<>() : new LinkedHashMap<>(variables);
  }

  /** An incident at a multi-instance body is the activity's, as Zeebe names it. */
  private static EngineIncident incident(Incident incident) {
    String elementId = incident.getActivityId();
    if (elementId != null && elementId.endsWith(MULTI_INSTANCE_BODY)) {
      elementId = elementId.substring(0, elementId.length() - MULTI_INSTANCE_BODY.length());
    }
    return new EngineIncident(incident.getId(), elementId, incident.getIncidentMessage());
  }

  private static List<FlowRefusedException.Problem> problems(ParseException e) {
    List<FlowRefusedException.Problem> problems = new ArrayList<>();
    for (ResourceReport report : e.getResourceReports()) {
      for (Problem problem : report.getErrors()) {
        problems.add(
            new FlowRefusedException.Problem(problem.getMainElementId(), problem.getMessage()));
      }
    }
    if (problems.isEmpty()) {
      problems.add(new FlowRefusedException.Problem(null, e.getMessage()));
    }
    return problems;
  }
}
