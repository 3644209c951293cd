package io.millflow.engine.operaton;

import org.operaton.bpm.engine.impl.history.AbstractHistoryLevel;
import org.operaton.bpm.engine.impl.history.event.HistoryEventType;
import org.operaton.bpm.engine.impl.history.event.HistoryEventTypes;

/**
 * The engine's history as Millflow needs it: process instances only (started, updated, ended, with
 * their business key, which {@code startOnce} looks up, and their removal time, by which the
 * history cleanup deletes them). Millflow records runs and step attempts in its own run history, so
 * the {@code activity} level's rows per activity instance (ACT_HI_ACTINST: an insert when an
 * activity starts and an update when it ends, for every event, task and gateway) and per task are
 * left out. Incidents, retries and the run view read the engine's runtime state and Millflow's
 * history, never ACT_HI_ACTINST.
 */
final class InstanceHistoryLevel extends AbstractHistoryLevel {

  static final InstanceHistoryLevel INSTANCE = new InstanceHistoryLevel();
  static final String NAME = "millflow-instances";
  private static final int ID = 42;

  private InstanceHistoryLevel() {}

  @Override
  public int getId() {
    return ID;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    return eventType == HistoryEventTypes.PROCESS_INSTANCE_START
        || eventType == HistoryEventTypes.PROCESS_INSTANCE_UPDATE
        || eventType == HistoryEventTypes.PROCESS_INSTANCE_MIGRATE
        || eventType == HistoryEventTypes.PROCESS_INSTANCE_END;
  }
}
