package io.millflow.engine.flow;

import io.millflow.engine.port.ProcessEngine;
import jakarta.inject.Singleton;

/**
 * What the engine behind the port can do of the operations some engines refuse, so that the UI
 * disables a control with its reason before a click answers 409. Only the embedded Operaton adapter
 * moves a running instance to another version and suspends timers; a Camunda 8 cluster does neither
 * (the port's defaults refuse), and nothing else differs between the engines.
 */
@Singleton
public class EngineCapabilities {

  /** One operation: whether this engine does it, and if not, why and what to do instead. */
  public record EngineCapability(boolean supported, String reason) {

    static EngineCapability available() {
      return new EngineCapability(true, null);
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
    if (engine.embedded()) {
      return new EngineInfo(
          engine.engineId(), true, EngineCapability.available(), EngineCapability.available());
    }
    return new EngineInfo(
        engine.engineId(),
        false,
        new EngineCapability(
            false,
            "A Camunda 8 cluster cannot pause a flow's schedule: disable the timer start event in"
                + " the designer and deploy instead."),
        new EngineCapability(
            false,
            "A Camunda 8 cluster cannot move a running instance to another version of its flow:"
                + " retry on the same version, or start a new run of the latest."));
  }
}
