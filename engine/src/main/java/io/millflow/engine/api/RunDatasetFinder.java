package io.millflow.engine.api;

import io.millflow.engine.config.MillflowConfig;
import io.millflow.engine.dataset.DatasetLookup;
import io.millflow.engine.dataset.RunDatasets;
import io.millflow.engine.history.RunHistory;
import jakarta.inject.Singleton;
import jakarta.ws.rs.NotFoundException;
import java.util.UUID;

/**
 * One dataset of one run of a tenant, as the API answers for it: found, gone (410: retention
 * deleted it), or unknown (404), for the preview and both ways of downloading it.
 */
@Singleton
public class RunDatasetFinder {

  /** A dataset retention has deleted: answered 410 with what to do. */
  public static final class DatasetExpired extends RuntimeException {
    DatasetExpired(String message) {
      super(message);
    }
  }

  private final RunDatasets datasets;
  private final RunHistory history;
  private final MillflowConfig config;

  public RunDatasetFinder(RunDatasets datasets, RunHistory history, MillflowConfig config) {
    this.datasets = datasets;
    this.history = history;
    this.config = config;
  }

  /** The run's id, when the tenant has such a run; 404 otherwise. */
  UUID runId(String tenantId, String id) {
    return Params.uuid(id)
        .filter(run -> history.findRun(tenantId, run).isPresent())
        .orElseThrow(() -> new NotFoundException("No run with id '" + id + "'"));
  }

  DatasetLookup.Stored stored(String tenantId, String id, String dataset) {
    UUID run = runId(tenantId, id);
    return switch (datasets.find(tenantId, run, dataset)) {
      case DatasetLookup.Stored stored -> stored;
      case DatasetLookup.Expired expired ->
          throw new DatasetExpired(
              "Dataset "
                  + expired.dataset()
                  + " of run "
                  + id
                  + " is no longer kept: datasets are deleted "
                  + config.datasets().retention()
                  + " after their run ends (millflow.datasets.retention). The run's ledger still"
                  + " has its counts; run the flow again to see records.");
      case DatasetLookup.Unknown unknown ->
          throw new NotFoundException(
              "Run "
                  + id
                  + " has no dataset '"
                  + unknown.dataset()
                  + "' read or written by a step");
    };
  }
}
