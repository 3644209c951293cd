package io.millflow.engine.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.engine.store.StateStore;
import io.millflow.step.Json;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The datasets of a run, step attempt by step attempt, from the ledger rows its completed attempts
 * left (the datasets each read and wrote), and what the dataset store still holds of them.
 */
@Singleton
public class RunDatasets {

  private static final String ROWS =
      """
      select l.step_run_id, l.element_id, l.step_type, l.contribution
      from step_ledger l join flow_run r on r.id = l.run_id
      where l.run_id = :run and r.tenant_id = :tenant order by l.recorded_at, l.element_id""";

  private record Stored(String entity, long records) {}

  private final Jdbi jdbi;

  @Inject
  public RunDatasets(StateStore store) {
    this(store.jdbi());
  }

  RunDatasets(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** The datasets the run's completed step attempts read and wrote, in the order they completed. */
  public List<RunDataset> of(String tenantId, UUID runId) {
    List<RunDataset> found = new ArrayList<>();
    jdbi.useHandle(
        h ->
            h.createQuery(ROWS)
                .bind("run", runId)
                .bind("tenant", tenantId)
                .map(
                    (rs, ctx) -> {
                      JsonNode contribution = parse(rs.getString("contribution"));
                      UUID stepRun = rs.getObject("step_run_id", UUID.class);
                      String element = rs.getString("element_id");
                      String type = rs.getString("step_type");
                      contribution
                          .path("datasetsIn")
                          .forEach(id -> found.add(entry(stepRun, element, type, "read", id)));
                      contribution
                          .path("datasetsOut")
                          .forEach(id -> found.add(entry(stepRun, element, type, "written", id)));
                      return 0;
                    })
                .list());
    Map<String, Stored> stored = stored(tenantId, found.stream().map(RunDataset::dataset).toList());
    return found.stream()
        .map(
            entry -> {
              Stored kept = stored.get(entry.dataset());
              return kept == null
                  ? entry
                  : new RunDataset(
                      entry.stepRunId(),
                      entry.elementId(),
                      entry.stepType(),
                      entry.role(),
                      entry.dataset(),
                      kept.entity(),
                      kept.records(),
                      true);
            })
        .toList();
  }

  /** One dataset of the run: stored, expired, or not one of the run's. */
  public DatasetLookup find(String tenantId, UUID runId, String datasetId) {
    boolean ofRun = of(tenantId, runId).stream().anyMatch(d -> d.dataset().equals(datasetId));
    if (!ofRun) {
      return new DatasetLookup.Unknown(datasetId);
    }
    Stored kept = stored(tenantId, List.of(datasetId)).get(datasetId);
    return kept == null
        ? new DatasetLookup.Expired(datasetId)
        : new DatasetLookup.Stored(UUID.fromString(datasetId), kept.entity(), kept.records());
  }

  private static RunDataset entry(
      UUID stepRun, String element, String type, String role, JsonNode id) {
    return new RunDataset(stepRun, element, type, role, id.asText(), null, null, false);
  }

  private Map<String, Stored> stored(String tenantId, List<String> datasets) {
    List<UUID> ids = new ArrayList<>();
    for (String id : datasets) {
      try {
        ids.add(UUID.fromString(id));
      } catch (IllegalArgumentException e) {
        // not a dataset of this store: nothing of it is kept
      }
    }
    Map<String, Stored> stored = new HashMap<>();
    if (ids.isEmpty()) {
      return stored;
    }
    jdbi.useHandle(
        h ->
            h.createQuery(
                    """
                    select id, entity, record_count from dataset
                    where id = any(:ids) and tenant_id = :tenant and status = 'sealed'""")
                .bindArray("ids", UUID.class, ids)
                .bind("tenant", tenantId)
                .map(
                    (rs, ctx) ->
                        stored.put(
                            rs.getObject("id", UUID.class).toString(),
                            new Stored(rs.getString("entity"), rs.getLong("record_count"))))
                .list());
    return stored;
  }

  private static JsonNode parse(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
