package io.millflow.engine.connection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.millflow.engine.security.TenantKeys;
import io.millflow.engine.store.StateStore;
import io.millflow.step.Connection;
import io.millflow.step.Json;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Connections created through the API, per tenant. Settings are stored as JSON; credentials only
 * encrypted with the tenant's data key (AES-256-GCM, bound to the tenant and the connection's
 * name).
 */
@Singleton
public class ConnectionStore {

  private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() {};

  private final Jdbi jdbi;
  private final TenantKeys keys;

  public ConnectionStore(StateStore store, TenantKeys keys) {
    this.jdbi = store.jdbi();
    this.keys = keys;
  }

  /** Creates or replaces the tenant's connection of that name. */
  public void save(String tenantId, Connection connection) {
    byte[] credentials =
        keys.encrypt(
            tenantId,
            json(connection.credentials()).getBytes(java.nio.charset.StandardCharsets.UTF_8),
            purpose(connection.name()));
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
            insert into connection (tenant_id, name, type, settings, credentials)
            values (:tenant, :name, :type, cast(:settings as jsonb), :credentials)
            on conflict (tenant_id, name) do update set type = excluded.type, settings = excluded.settings,
              credentials = excluded.credentials, updated_at = now()""")
                .bind("tenant", tenantId)
                .bind("name", connection.name())
                .bind("type", connection.type())
                .bind("settings", json(connection.settings()))
                .bind("credentials", credentials)
                .execute());
  }

  public Optional<Connection> find(String tenantId, String name) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from connection where tenant_id = :tenant and name = :name")
                .bind("tenant", tenantId)
                .bind("name", name)
                .map((rs, ctx) -> connection(tenantId, rs))
                .findOne());
  }

  /** Whether the tenant saved a connection of that name; reads no credentials. */
  public boolean exists(String tenantId, String name) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select 1 from connection where tenant_id = :tenant and name = :name")
                .bind("tenant", tenantId)
                .bind("name", name)
                .mapTo(Integer.class)
                .findOne()
                .isPresent());
  }

  public List<Connection> list(String tenantId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from connection where tenant_id = :tenant order by name")
                .bind("tenant", tenantId)
                .map((rs, ctx) -> connection(tenantId, rs))
                .list());
  }

  public boolean delete(String tenantId, String name) {
    return jdbi.withHandle(
            h ->
                h.createUpdate("delete from connection where tenant_id = :tenant and name = :name")
                    .bind("tenant", tenantId)
                    .bind("name", name)
                    .execute())
        == 1;
  }

  private Connection connection(String tenantId, ResultSet rs) throws SQLException {
    String name = rs.getString("name");
    String credentials =
        new String(
            keys.decrypt(tenantId, rs.getBytes("credentials"), purpose(name)),
            java.nio.charset.StandardCharsets.UTF_8);
    return new Connection(
        name, rs.getString("type"), read(rs.getString("settings")), read(credentials));
  }

  private static String purpose(String connectionName) {
    return "connection:" + connectionName;
  }

  private static String json(Map<String, String> values) {
    try {
      return Json.mapper().writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static Map<String, String> read(String json) {
    try {
      return Json.mapper().readValue(json, STRINGS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A stored connection could not be read", e);
    }
  }
}
