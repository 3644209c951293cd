package io.millflow.engine.history;

import io.millflow.engine.store.StateStore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** The step each run is at now: its latest attempt that is still running, with its progress. */
@Singleton
public class CurrentSteps {

  /**
   * A running attempt: its element, step type, records done so far (of a total, or null), and the
   * pages or windows it has read (null unless it reads in batches).
   */
  public record CurrentStep(
      String elementId,
      String stepType,
      Long progressDone,
      Long progressTotal,
      String batchUnit,
      Long batchesDone,
      Long batchesTotal) {}

  private final Jdbi jdbi;

  @Inject
  public CurrentSteps(StateStore store) {
    this(store.jdbi());
  }

  CurrentSteps(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** The running step of each of these runs; a run with none running is left out. */
  public Map<UUID, CurrentStep> of(Collection<UUID> runIds) {
    Map<UUID, CurrentStep> current = new HashMap<>();
    if (runIds.isEmpty()) {
      return current;
    }
    jdbi.useHandle(
        h ->
            h.createQuery(
                    """
                    select distinct on (run_id) run_id, element_id, step_type, progress_done, progress_total,
                      batch_unit, batches_done, batches_total
                    from step_run where run_id = any(:runs) and status = 'running'
                    order by run_id, started_at desc""")
                .bindArray("runs", UUID.class, runIds)
                .map(
                    (rs, ctx) ->
                        current.put(
                            rs.getObject("run_id", UUID.class),
                            new CurrentStep(
                                rs.getString("element_id"),
                                rs.getString("step_type"),
                                rs.getObject("progress_done", Long.class),
                                rs.getObject("progress_total", Long.class),
                                rs.getString("batch_unit"),
                                rs.getObject("batches_done", Long.class),
                                rs.getObject("batches_total", Long.class))))
                .list());
    return current;
  }
}
