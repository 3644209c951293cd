package io.millflow.engine.port;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What Millflow needs from a BPMN engine. Everything above the engine (flows, triggers, runs, the
 * API) talks to this port; one adapter per engine implements it: embedded Operaton ({@code
 * io.millflow.engine.operaton}) by default, a Camunda 8 cluster ({@code io.millflow.engine.zeebe})
 * when configured. Flows are authored in the Camunda 8 dialect either way. Keys (instances, tasks,
 * incidents) are strings, so both engines' ids fit.
 */
public interface ProcessEngine {

  /** Tells this engine's instance keys apart from another engine's in the run history. */
  String engineId();

  /** Whether the engine lives in this process (and its state in Millflow's own database). */
  boolean embedded();

  /**
   * Whether the engine answers now (readiness). The embedded engine answers whenever the state
   * store does, so it need not say; a remote one is asked.
   */
  default boolean answers() {
    return true;
  }

  /**
   * Deploys a flow. {@code bpmnXml} is the Camunda 8 dialect, with the process id and message names
   * already the engine-wide ones ({@link io.millflow.engine.flow.FlowOwners}).
   *
   * @throws FlowRefusedException when the engine cannot run the flow; its problems name the
   *     elements
   */
  void deploy(String processId, String bpmnXml);

  /**
   * The BPMN of one deployed version of a process ({@link ActivatedTask#definitionKey()}), as it
   * was deployed; empty when this engine does not keep it at hand (then callers read the flow's
   * latest version from Millflow's store).
   */
  Optional<String> deployedBpmn(String definitionKey);

  /**
   * Starts the latest deployed version of a process with these variables; returns the instance key.
   */
  String start(String processId, Map<String, Object> variables);

  /**
   * Starts the process at most once for {@code startKey} (a webhook event's dispatch): when an
   * instance was already started with this key (the dispatcher crashed after the start, before
   * recording it), returns that instance instead of starting a second. An engine that cannot look
   * instances up by key starts a new one.
   */
  String startOnce(String processId, Map<String, Object> variables, String startKey);

  /**
   * As {@link #start(String, Map)}, with the starter's record of the run: {@code record} is called
   * on this thread with the instance's key, before the instance's first task runs on this engine's
   * workers, so its first attempt finds what the starter recorded (the run, its version, its
   * trace). Its result is returned. An engine that hands the first task to its own workers without
   * a fetch holds it until the record is done, whether or not the record succeeds.
   */
  default <T> T start(String processId, Map<String, Object> variables, Function<String, T> record) {
    return record.apply(start(processId, variables));
  }

  /**
   * As {@link #startOnce(String, Map, String)}, with the starter's record, as {@link #start(String,
   * Map, Function)}.
   */
  default <T> T startOnce(
      String processId,
      Map<String, Object> variables,
      String startKey,
      Function<String, T> record) {
    return record.apply(startOnce(processId, variables, startKey));
  }

  /**
   * Publishes a message: it starts the processes it names in a message start event, or correlates
   * to an instance waiting for it with the same correlation key, now or within its time to live. A
   * message with an id already published within its time to live is dropped.
   */
  void publish(Message message);

  /** Cancels a running instance; nothing happens when it already ended. */
  void cancel(String instanceKey);

  /** The open incidents of an instance. */
  List<EngineIncident> openIncidents(String instanceKey);

  /**
   * Gives the failed tasks of an instance their retries back and resolves its incidents, so the
   * engine runs the failed steps again from where the instance stopped.
   */
  void retry(String instanceKey, int retries);

  /**
   * Whether {@link #retryOnLatest} moves instances between versions here; when false it refuses, so
   * callers can say so before they ask.
   */
  default boolean canRetryOnLatestVersion() {
    return false;
  }

  /**
   * Moves a running instance to the latest deployed version of its process and enters its failed
   * tasks again there (their inputs evaluated anew), so a retry picks up a fix deployed since the
   * instance started. Nothing happens when it already runs the latest version.
   *
   * @throws UnsupportedOperationException when this engine cannot move instances between versions
   * @throws IllegalStateException when this instance cannot be moved (it ended, or the latest
   *     version lacks an element it waits in); the message says which
   */
  default void retryOnLatest(String instanceKey, int retries) {
    throw new UnsupportedOperationException(
        "The "
            + engineId()
            + " engine cannot move a running instance to another version of its flow");
  }

  /**
   * Whether {@link #suspendTimers} pauses schedules here; when false it refuses, so callers can say
   * so before they ask.
   */
  default boolean canPauseSchedules() {
    return false;
  }

  /**
   * Suspends or resumes the timer start events of a process (its schedules): suspended, they do not
   * fire, whatever their cycle; resumed, they fire on their cycle again (a fire that fell due while
   * suspended runs once, at once). Applies to the deployed version; deploying a new version makes
   * active timers, so the caller suspends again after a deploy.
   *
   * @throws UnsupportedOperationException when this engine cannot suspend timers
   */
  default void suspendTimers(String processId, boolean suspended) {
    throw new UnsupportedOperationException(
        "The " + engineId() + " engine cannot pause a flow's schedule");
  }

  /**
   * Deletes what the engine keeps of these ended instances (its history), for the run history's
   * retention; instances it does not know, or no longer, are skipped, so deleting twice is
   * harmless.
   */
  void forgetEnded(Collection<String> instanceKeys);

  /**
   * Starts handing service-task attempts of these types to their handlers, and ended instances to
   * {@code runEnds}. Called once, after the flows are deployed; workers stay open for the life of
   * the process.
   */
  void openWorkers(Collection<TaskWorker> workers, RunEndHandler runEnds);
}
