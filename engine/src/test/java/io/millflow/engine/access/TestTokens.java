package io.millflow.engine.access;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;

/** Tokens the access tests call with, created through the API by the tests' admin token. */
public final class TestTokens {

  private TestTokens() {}

  /**
   * A new token of the role in the installation's tenant (or {@code tenant}, when given); returns
   * its secret.
   */
  public static String create(String role, String tenant) {
    Map<String, Object> body =
        new HashMap<>(Map.of("name", role + "-" + System.nanoTime(), "role", role));
    if (tenant != null) {
      body.put("tenant", tenant);
    }
    return given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/tokens")
        .then()
        .statusCode(201)
        .extract()
        .path("secret");
  }

  /**
   * A request without a bearer token (the tests' admin token is added only when no Authorization
   * header is set).
   */
  public static RequestSpecification anonymous() {
    return given().header("Authorization", "none");
  }

  public static RequestSpecification as(String secret) {
    return given().header("Authorization", "Bearer " + secret);
  }
}
