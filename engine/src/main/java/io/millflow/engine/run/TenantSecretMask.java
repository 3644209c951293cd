package io.millflow.engine.run;

import io.millflow.engine.connection.ConnectionStore;
import io.millflow.engine.security.FlowSecrets;
import io.millflow.step.Connection;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;

/**
 * What hides a tenant's secrets in records shown or downloaded from its datasets: a step may have
 * copied a resolved {@code {{secrets.NAME}}} value or a connection's credential into a record (an
 * HTTP answer echoing its request, say). Each value (and its common encodings) becomes {@code
 * {{secrets.NAME}}} or {@code {{connection NAME credential KEY}}}.
 */
@Singleton
public class TenantSecretMask {

  private static final String CREDENTIAL = "\u0000credential\u0000";

  private final FlowSecrets secrets;
  private final ConnectionStore connections;

  public TenantSecretMask(FlowSecrets secrets, ConnectionStore connections) {
    this.secrets = secrets;
    this.connections = connections;
  }

  public Redaction of(String tenantId) {
    Map<String, String> values = new HashMap<>();
    secrets
        .list(tenantId)
        .forEach(
            listed ->
                secrets
                    .value(tenantId, listed.name())
                    .ifPresent(value -> values.put(listed.name(), value)));
    for (Connection connection : connections.list(tenantId)) {
      connection
          .credentials()
          .forEach((key, value) -> values.put(connection.name() + CREDENTIAL + key, value));
    }
    return Redaction.of(values, TenantSecretMask::standIn);
  }

  private static String standIn(String name) {
    int credential = name.indexOf(CREDENTIAL);
    return credential < 0
        ? "{{secrets." + name + "}}"
        : "{{connection "
            + name.substring(0, credential)
            + " credential "
            + name.substring(credential + CREDENTIAL.length())
            + "}}";
  }
}
