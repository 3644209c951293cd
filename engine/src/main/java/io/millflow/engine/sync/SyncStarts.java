package io.millflow.engine.sync;

import io.millflow.engine.flow.FlowService;
import io.millflow.engine.history.FlowRun;
import io.millflow.engine.history.RunHistory;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Starts a backfill or a refresh of a flow: a run of its latest version whose incremental sources
 * read a past window, or everything from the start, instead of the changes since the committed
 * cursor ({@link SyncMode}).
 */
@Singleton
public class SyncStarts {

  private final IncrementalSources sources;
  private final SyncModes modes;
  private final FlowService flows;
  private final RunHistory history;

  public SyncStarts(
      IncrementalSources sources, SyncModes modes, FlowService flows, RunHistory history) {
    this.sources = sources;
    this.modes = modes;
    this.flows = flows;
    this.history = history;
  }

  /**
   * Starts a run that reads {@code [from, to)} and commits no cursor.
   *
   * @return the run, or empty when the tenant has no such flow
   * @throws SyncRequestRefused when the flow has no incremental source, or a source that cannot
   *     stop at {@code to}
   */
  public Optional<FlowRun> backfill(String tenantId, String flowId, SyncMode.Backfill window) {
    return sources
        .of(tenantId, flowId)
        .flatMap(
            found -> {
              List<IncrementalSources.Source> unbounded =
                  incremental(flowId, found, "backfilled").stream()
                      .filter(source -> !source.boundable())
                      .toList();
              if (!unbounded.isEmpty()) {
                throw new SyncRequestRefused(
                    unbounded.stream().map(SyncStarts::describe).collect(Collectors.joining(" "))
                        + " So flow '"
                        + flowId
                        + "' cannot be backfilled over a past window; a refresh (POST /api/flows/"
                        + flowId
                        + "/refresh) reads everything again instead.");
              }
              return start(tenantId, flowId, window);
            });
  }

  /**
   * Starts a run that reads everything from the start, as the flow's first run did, and commits its
   * cursors when it completes (never behind a newer one).
   *
   * @return the run, or empty when the tenant has no such flow
   * @throws SyncRequestRefused when the flow has no incremental source
   */
  public Optional<FlowRun> refresh(String tenantId, String flowId) {
    return sources
        .of(tenantId, flowId)
        .flatMap(
            found -> {
              incremental(flowId, found, "refreshed");
              return start(tenantId, flowId, new SyncMode.Refresh());
            });
  }

  private Optional<FlowRun> start(String tenantId, String flowId, SyncMode mode) {
    UUID request = modes.request(tenantId, flowId, mode);
    return flows
        .start(tenantId, flowId, Map.of(SyncModes.VARIABLE, request.toString()), mode.kind())
        .flatMap(
            run -> {
              modes.bind(request, tenantId, flowId, run.id());
              return history.run(tenantId, run.id());
            });
  }

  private static List<IncrementalSources.Source> incremental(
      String flowId, List<IncrementalSources.Source> found, String what) {
    if (found.isEmpty()) {
      throw new SyncRequestRefused(
          "Flow '"
              + flowId
              + "' has no incremental source (no task whose step reads from a"
              + " cursor), so it cannot be "
              + what
              + ": each of its runs reads everything already. Start a run instead"
              + " (POST /api/flows/"
              + flowId
              + "/runs).");
    }
    return found;
  }

  private static String describe(IncrementalSources.Source source) {
    return "Task '"
        + source.elementId()
        + "' ("
        + source.stepType()
        + ") has no upper bound for its cursor '"
        + source.params().cursor().orElseThrow()
        + "': its source reads up to now and cannot stop at 'to'.";
  }
}
