package io.millflow.engine.access;

import static io.millflow.engine.access.TestTokens.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.millflow.engine.store.StateStore;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tokens are shown once, stored only as a hash, and stop working when revoked or expired. */
@QuarkusTest
class ApiTokenLifecycleTest {

  @Inject StateStore store;

  @Test
  void theTokenIsShownOnceAndStoredOnlyAsAHash() {
    JsonPath created =
        given()
            .contentType(ContentType.JSON)
            .body(Map.of("name", "shown-once", "role", "viewer"))
            .post("/api/tokens")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    String secret = created.getString("secret");
    String id = created.getString("token.id");

    assertThat(secret).startsWith("mf_").hasSizeGreaterThan(40);
    assertThat(given().get("/api/tokens").then().statusCode(200).extract().asString())
        .doesNotContain(secret);
    List<String> stored =
        store
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select concat_ws('|', id, tenant_id, name, role, token_hash) from api_token where id = cast(:id as uuid)")
                        .bind("id", id)
                        .mapTo(String.class)
                        .list());
    assertThat(stored)
        .singleElement()
        .asString()
        .doesNotContain(secret)
        .contains(ApiTokens.hash(secret));
  }

  @Test
  void aRevokedTokenIsRefusedAtOnce() {
    JsonPath created =
        given()
            .contentType(ContentType.JSON)
            .body(Map.of("name", "to-revoke", "role", "operator"))
            .post("/api/tokens")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    String secret = created.getString("secret");
    as(secret).get("/api/runs").then().statusCode(200);

    given().delete("/api/tokens/{id}", created.getString("token.id")).then().statusCode(204);

    as(secret).get("/api/runs").then().statusCode(401).body("message", containsString("revoked"));
  }

  @Test
  void anExpiredTokenIsRefusedNamingWhenItExpired() {
    JsonPath created =
        given()
            .contentType(ContentType.JSON)
            .body(Map.of("name", "short-lived", "role", "viewer", "expiresInDays", 1))
            .post("/api/tokens")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    store
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "update api_token set expires_at = now() - interval '1 minute' "
                            + "where id = cast(:id as uuid)")
                    .bind("id", created.getString("token.id"))
                    .execute());

    as(created.getString("secret"))
        .get("/api/runs")
        .then()
        .statusCode(401)
        .body("message", containsString("expired"));
  }

  @Test
  void aTokenRequestNamesTheFieldThatIsWrong() {
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("name", "x", "role", "superuser"))
        .post("/api/tokens")
        .then()
        .statusCode(400)
        .body("message", containsString("Field 'role'"));
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("name", "x", "role", "viewer", "expiresInDays", 0))
        .post("/api/tokens")
        .then()
        .statusCode(400)
        .body("message", containsString("Field 'expiresInDays'"));
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("role", "viewer"))
        .post("/api/tokens")
        .then()
        .statusCode(400)
        .body("message", containsString("Field 'name'"));
  }
}
