package io.millflow.engine.history;

import io.millflow.engine.store.StateStore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.SqlStatement;

/** The run list: one page of a tenant's runs, newest first, and how many match in all. */
@Singleton
public class RunList {

  /** One page of runs and the number of runs that match the filter. */
  public record Page(List<FlowRun> runs, long total) {}

  static final String MATCHES =
      """
       from flow_run where tenant_id = :tenant
        and (cast(:flow as text) is null or flow_id = :flow)
        and (cast(:status as text) is null or status = :status)
        and (cast(:since as timestamptz) is null or started_at >= :since)
        and (cast(:until as timestamptz) is null or started_at < :until)
        and (cast(:startedBy as text) is null or started_by = :startedBy)
        and (cast(:businessKey as text) is null or business_key = :businessKey)
        and (cast(:search as text) is null
          or cast(id as text) like lower(:search) || '%'
          or process_instance_key = :search
          or business_key = :search
          or strpos(lower(coalesce(error, '')), lower(:search)) > 0)
      """;

  private final Jdbi jdbi;

  @Inject
  public RunList(StateStore store) {
    this(store.jdbi());
  }

  RunList(Jdbi jdbi) {
    this.jdbi = jdbi;
    jdbi.registerRowMapper(ConstructorMapper.factory(FlowRun.class));
  }

  public Page page(String tenantId, RunFilter filter) {
    return jdbi.withHandle(
        h -> {
          List<FlowRun> runs =
              bind(
                      h.createQuery(
                          "select "
                              + RunHistory.RUN_COLUMNS
                              + MATCHES
                              + " order by started_at desc, id limit :limit offset :offset"),
                      tenantId,
                      filter)
                  .bind("limit", filter.limit())
                  .bind("offset", filter.offset())
                  .mapTo(FlowRun.class)
                  .list();
          long total =
              bind(h.createQuery("select count(*)" + MATCHES), tenantId, filter)
                  .mapTo(Long.class)
                  .one();
          return new Page(runs, total);
        });
  }

  static <S extends SqlStatement<S>> S bind(S statement, String tenantId, RunFilter f) {
    return statement
        .bind("tenant", tenantId)
        .bind("flow", f.flowId())
        .bind("status", f.status())
        .bind("since", f.since())
        .bind("until", f.until())
        .bind("search", f.search())
        .bind("startedBy", f.startedBy())
        .bind("businessKey", f.businessKey());
  }
}
