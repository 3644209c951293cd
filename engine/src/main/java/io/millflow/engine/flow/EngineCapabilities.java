package io.millflow.engine.flow;

import io.millflow.engine.port.ProcessEngine;
import jakarta.inject.Singleton;

/**
 * What the engine behind the port can do of the operations some engines refuse, so that the UI
 * disables a control with its reason before a click answers 409. The port says whether it can; the
 * reasons shown to the user, here and in the 409 of a refused operation, are written once, here.
 * Only the embedded Operaton adapter can today; a Camunda 8 cluster refuses both.
 */
@Singleton
public class EngineCapabilities {

  /** Why pausing a flow's schedules is refused, and what to do instead. */
  static final String PAUSE_SCHEDULES_REFUSED =
      "A Camunda 8 cluster cannot pause a flow's schedule: disable the timer start event in the"
          + " designer and deploy instead.";

  /** Why retrying a run on its flow's latest version is refused, and what to do instead. */
  static final String RETRY_ON_LATEST_REFUSED =
      "A Camunda 8 cluster cannot move a running instance to another version of its flow: retry"
          + " on the same version, or start a new run of the latest.";

  /** One operation: whether this engine does it, and if not, why and what to do instead. */
  public record EngineCapability(boolean supported, String reason) {

    static EngineCapability of(boolean supported, String refusal) {
      return new EngineCapability(supported, supported ? null : refusal);
    }
  }

  /**
   * The engine (its id, whether it is embedded) and the operations it may refuse: pausing a flow's
   * schedules, and retrying a run on the flow's latest version.
   */
  public record EngineInfo(
      String engine,
      boolean embedded,
      EngineCapability pauseSchedules,
      EngineCapability retryOnLatest) {}

  private final ProcessEngine engine;

  public EngineCapabilities(ProcessEngine engine) {
    this.engine = engine;
  }

  public EngineInfo describe() {
    return new EngineInfo(
        engine.engineId(),
        engine.embedded(),
        EngineCapability.of(engine.canPauseSchedules(), PAUSE_SCHEDULES_REFUSED),
        EngineCapability.of(engine.canRetryOnLatestVersion(), RETRY_ON_LATEST_REFUSED));
  }
}
