package io.millflow.engine.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.engine.store.StateStore;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The HMAC secrets of triggers and subscriptions are shown once, and stored only sealed. */
@QuarkusTest
class SecretsAtRestTest {

  @Inject StateStore store;
  @Inject SealedSecrets sealed;

  @Test
  void triggerSecretsAreStoredSealedAndStillVerify() {
    var created =
        given()
            .contentType("application/json")
            .body(
                Map.of(
                    "name",
                    "sealed",
                    "signature",
                    Map.of("type", "hmac", "header", "X-Signature"),
                    "routes",
                    List.of(Map.of("flowId", "sealed-flow", "deployLater", true))))
            .post("/api/triggers")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    String id = created.getString("trigger.id");
    String secret = created.getString("secret");

    String stored =
        store
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("select secret from webhook_trigger where id = :id")
                        .bind("id", id)
                        .mapTo(String.class)
                        .one());
    assertThat(stored).startsWith(SealedSecrets.PREFIX).doesNotContain(secret);

    byte[] body = "{}".getBytes();
    String signature =
        io.millflow.engine.trigger.SignatureVerifier.sign(
            new io.millflow.engine.trigger.SignatureScheme.Hmac("X-Signature", "sha256", "hex", ""),
            secret,
            body,
            java.time.Instant.now());
    given()
        .header("X-Signature", signature)
        .contentType("application/json")
        .body(body)
        .post("/webhooks/{id}/verify", id)
        .then()
        .statusCode(200);
  }

  @Test
  void subscriptionSecretsAreStoredSealed() {
    var created =
        given()
            .contentType("application/json")
            .body(
                Map.of("url", "https://example.com/hook", "eventTypes", List.of("sync.completed")))
            .post("/api/subscriptions")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();

    String stored =
        store
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select secret from event_subscription where id = cast(:id as uuid)")
                        .bind("id", created.getString("subscription.id"))
                        .mapTo(String.class)
                        .one());
    assertThat(stored).startsWith(SealedSecrets.PREFIX).doesNotContain(created.getString("secret"));
    given()
        .delete("/api/subscriptions/{id}", created.getString("subscription.id"))
        .then()
        .statusCode(204);
  }

  @Test
  void aSecretSealedForOneTenantDoesNotOpenForAnother() {
    String value = sealed.seal("tenant-a", "trigger-secret:x", "whsec_1");

    assertThat(sealed.open("tenant-a", "trigger-secret:x", value)).isEqualTo("whsec_1");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> sealed.open("tenant-b", "trigger-secret:x", value))
        .hasMessageContaining("could not be decrypted");
  }

  @Inject SecretsMigration migration;

  @Test
  void secretsStoredInClearByAnEarlierVersionAreSealedAtStartAndStillSign() {
    var created =
        given()
            .contentType("application/json")
            .body(Map.of("url", "https://example.com/old", "eventTypes", List.of("sync.failed")))
            .post("/api/subscriptions")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    String id = created.getString("subscription.id");
    store
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "update event_subscription set secret = 'whsec_clear' where id = cast(:id as uuid)")
                    .bind("id", id)
                    .execute());

    migration.sealClearSecrets();

    String stored =
        store
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select secret from event_subscription where id = cast(:id as uuid)")
                        .bind("id", id)
                        .mapTo(String.class)
                        .one());
    assertThat(stored).startsWith(SealedSecrets.PREFIX);
    assertThat(
            sealed.open(
                "default", SealedSecrets.subscriptionSecret(java.util.UUID.fromString(id)), stored))
        .isEqualTo("whsec_clear");
    given().delete("/api/subscriptions/{id}", id).then().statusCode(204);
  }
}
