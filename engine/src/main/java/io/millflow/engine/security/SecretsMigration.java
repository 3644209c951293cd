package io.millflow.engine.security;

import io.millflow.engine.store.StateStore;
import jakarta.inject.Singleton;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jdbi.v3.core.Jdbi;

/**
 * Seals trigger and subscription secrets stored in clear by versions before encryption at rest,
 * once, at start.
 */
@Singleton
public class SecretsMigration {

  private static final Logger LOG = Logger.getLogger(SecretsMigration.class);

  private final Jdbi jdbi;
  private final SealedSecrets secrets;

  public SecretsMigration(StateStore store, SealedSecrets secrets) {
    this.jdbi = store.jdbi();
    this.secrets = secrets;
  }

  public void sealClearSecrets() {
    int triggers =
        jdbi.inTransaction(
            h ->
                h.createQuery(
                        """
            select id, tenant_id, secret, previous_secret from webhook_trigger
            where secret not like 'enc:v1:%' or previous_secret not like 'enc:v1:%' for update""")
                    .map(
                        (rs, ctx) -> {
                          String purpose = SealedSecrets.triggerSecret(rs.getString("id"));
                          String tenant = rs.getString("tenant_id");
                          return h.createUpdate(
                                  "update webhook_trigger set secret = :s, previous_secret = :p where id = :id")
                              .bind("s", sealIfClear(tenant, purpose, rs.getString("secret")))
                              .bind(
                                  "p",
                                  sealIfClear(tenant, purpose, rs.getString("previous_secret")))
                              .bind("id", rs.getString("id"))
                              .execute();
                        })
                    .list()
                    .size());
    int subscriptions =
        jdbi.inTransaction(
            h ->
                h.createQuery(
                        """
            select id, tenant_id, secret from event_subscription where secret not like 'enc:v1:%' for update""")
                    .map(
                        (rs, ctx) ->
                            h.createUpdate(
                                    "update event_subscription set secret = :s where id = :id")
                                .bind(
                                    "s",
                                    sealIfClear(
                                        rs.getString("tenant_id"),
                                        SealedSecrets.subscriptionSecret(
                                            rs.getObject("id", UUID.class)),
                                        rs.getString("secret")))
                                .bind("id", rs.getObject("id", UUID.class))
                                .execute())
                    .list()
                    .size());
    if (triggers + subscriptions > 0) {
      LOG.infof(
          "Sealed the secrets of %d triggers and %d subscriptions stored in clear by an earlier version",
          triggers, subscriptions);
    }
  }

  private String sealIfClear(String tenant, String purpose, String value) {
    return value == null || SealedSecrets.isSealed(value)
        ? value
        : secrets.seal(tenant, purpose, value);
  }
}
