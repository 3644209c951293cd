package io.millflow.engine.history;

import io.millflow.engine.store.StateStore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The runs of a tenant at an incident now, grouped by what stopped them: the failed step's error
 * code, its element, and its message with the parts that differ from run to run (ids, long numbers)
 * put aside, so that a hundred runs stopped by one expired key make one group. Each group has a key
 * (a hash of those three) by which its runs are retried together.
 */
@Singleton
public class IncidentGroups {

  /**
   * One group: its key, the error code (null for an incident without one), the element and step
   * type of the failed step, the message of its newest run, how many runs, of which flows, and when
   * the oldest and the newest stopped.
   */
  public record IncidentGroup(
      String key,
      String errorCode,
      String elementId,
      String stepType,
      String message,
      long runs,
      List<String> flows,
      Instant oldestAt,
      Instant newestAt) {}

  /** One page of groups, most runs first, and how many groups there are. */
  public record Page(List<IncidentGroup> groups, long total) {}

  /** What differs between runs stopped by one cause: UUIDs and numbers of four digits or more. */
  static final String VARYING_PARTS =
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9]{4,}";

  private static final String KEYED =
      """
      with incident as (
        select r.id, r.flow_id, coalesce(r.incident_at, r.started_at) as at,
          s.element_id, s.step_type, s.error_code, left(coalesce(s.error, r.error, ''), 2000) as message
        from flow_run r
        left join lateral (select element_id, step_type, error_code, error from step_run
                           where run_id = r.id and status = 'failed'
                           order by ended_at desc nulls last limit 1) s on true
        where r.tenant_id = :tenant and r.status = 'incident'
      ), keyed as (
        select incident.*, encode(sha256(convert_to(
            coalesce(error_code, '') || chr(10) || coalesce(element_id, '') || chr(10)
              || regexp_replace(message, :varying, '#', 'g'), 'UTF8')), 'hex') as key
        from incident
      )
      """;

  private final Jdbi jdbi;

  @Inject
  public IncidentGroups(StateStore store) {
    this(store.jdbi());
  }

  IncidentGroups(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * One pass gives the page and the number of groups (a window over the grouped rows); only a page
   * past the end, which has no row to carry it, counts the groups again.
   */
  public Page page(String tenantId, int limit, int offset) {
    return jdbi.withHandle(
        h -> {
          List<GroupRow> rows =
              h.createQuery(
                      KEYED
                          + """
                  select key, min(error_code) as error_code, min(element_id) as element_id,
                    min(step_type) as step_type, (array_agg(message order by at desc))[1] as message,
                    count(*) as runs, array_agg(distinct flow_id) as flows,
                    min(at) as oldest_at, max(at) as newest_at, count(*) over () as groups
                  from keyed group by key
                  order by count(*) desc, max(at) desc, key limit :limit offset :offset""")
                  .bind("tenant", tenantId)
                  .bind("varying", VARYING_PARTS)
                  .bind("limit", limit)
                  .bind("offset", offset)
                  .map((rs, ctx) -> new GroupRow(group(rs), rs.getLong("groups")))
                  .list();
          List<IncidentGroup> groups = rows.stream().map(GroupRow::group).toList();
          if (!rows.isEmpty()) {
            return new Page(groups, rows.getFirst().groups());
          }
          return new Page(groups, offset > 0 ? count(h, tenantId) : 0);
        });
  }

  /** A group of the page, and how many groups there are in all. */
  private record GroupRow(IncidentGroup group, long groups) {}

  private static IncidentGroup group(ResultSet rs) throws SQLException {
    return new IncidentGroup(
        rs.getString("key"),
        rs.getString("error_code"),
        rs.getString("element_id"),
        rs.getString("step_type"),
        rs.getString("message"),
        rs.getLong("runs"),
        Arrays.asList((String[]) rs.getArray("flows").getArray()),
        rs.getTimestamp("oldest_at").toInstant(),
        rs.getTimestamp("newest_at").toInstant());
  }

  private static long count(Handle h, String tenantId) {
    return h.createQuery(KEYED + "select count(distinct key) from keyed")
        .bind("tenant", tenantId)
        .bind("varying", VARYING_PARTS)
        .mapTo(Long.class)
        .one();
  }

  /** The runs of the group with this key, oldest incident first, at most {@code limit}. */
  public List<UUID> runsOf(String tenantId, String key, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    KEYED + "select id from keyed where key = :key order by at, id limit :limit")
                .bind("tenant", tenantId)
                .bind("varying", VARYING_PARTS)
                .bind("key", key)
                .bind("limit", limit)
                .mapTo(UUID.class)
                .list());
  }
}
