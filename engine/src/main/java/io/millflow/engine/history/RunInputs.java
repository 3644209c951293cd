package io.millflow.engine.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.millflow.engine.store.StateStore;
import io.millflow.step.Json;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The variables a run started with, kept with the run so that it can be started again with the same
 * input. Variables stay small by design (records travel as dataset references); a start larger than
 * {@link #MAX_JSON_CHARS} is not kept.
 */
@Singleton
public class RunInputs {

  static final int MAX_JSON_CHARS = 64 * 1024;

  private final Jdbi jdbi;

  public RunInputs(StateStore store) {
    this.jdbi = store.jdbi();
  }

  /** Keeps the run's start variables, once (a run's input never changes). */
  public void keep(UUID runId, Map<String, Object> variables) {
    String json = json(variables == null ? Map.of() : variables);
    if (json.length() > MAX_JSON_CHARS) {
      return;
    }
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "update flow_run set start_variables = cast(:json as jsonb) where id = :run and start_variables is null")
                .bind("json", json)
                .bind("run", runId)
                .execute());
  }

  /**
   * What the tenant's run started with; empty when it is not kept (a run from before inputs were
   * kept, or too large). A run the engine started itself (a timer) had no input: an empty map.
   */
  public Optional<Map<String, Object>> of(String tenantId, UUID runId) {
    return jdbi.withHandle(
            h ->
                h.createQuery(
                        """
                    select case when start_variables is null and started_by = 'engine' then '{}'
                                else start_variables::text end
                    from flow_run where tenant_id = :tenant and id = :run""")
                    .bind("tenant", tenantId)
                    .bind("run", runId)
                    .mapTo(String.class)
                    .findOne())
        .map(RunInputs::variables);
  }

  private static String json(Map<String, Object> variables) {
    try {
      return Json.mapper().writeValueAsString(variables);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("The run's variables are not JSON: " + e.getMessage(), e);
    }
  }

  private static Map<String, Object> variables(String json) {
    try {
      return Json.mapper().readValue(json, new TypeReference<Map<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A run's stored input is not a JSON object", e);
    }
  }
}
