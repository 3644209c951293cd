package io.millflow.engine.access;

import static io.millflow.engine.access.TestTokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.millflow.engine.api.ApiError;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Least privilege, endpoint by endpoint: every {@code /api} method is called with a token of each
 * role and must be refused (403) exactly when the role is below the one it needs. Calls use ids
 * that do not exist or bodies that are not valid, so an allowed call answers 200, 400 or 404 and
 * changes nothing.
 */
@QuarkusTest
class AccessControlTest {

  private static final String NO_SUCH = UUID.randomUUID().toString();

  /** One endpoint: the call, and the least role it needs. */
  record Endpoint(String method, String path, String body, Role least) {
    Response call(RequestSpecification request) {
      if (body != null) {
        request =
            request
                .contentType(path.equals("/api/flows") ? ContentType.XML : ContentType.JSON)
                .body(body);
      }
      return request.request(method, path);
    }
  }

  static final List<Endpoint> ENDPOINTS =
      List.of(
          new Endpoint("GET", "/api/me", null, Role.VIEWER),
          new Endpoint("GET", "/api/engine", null, Role.VIEWER),
          new Endpoint("GET", "/api/incidents", null, Role.VIEWER),
          new Endpoint("POST", "/api/incidents/retry", "{}", Role.OPERATOR),
          new Endpoint("GET", "/api/openapi", null, Role.VIEWER),
          new Endpoint("GET", "/api/flows", null, Role.VIEWER),
          new Endpoint("POST", "/api/flows", "<not-bpmn/>", Role.DESIGNER),
          new Endpoint("GET", "/api/flows/no-such-flow/bpmn", null, Role.VIEWER),
          new Endpoint("POST", "/api/flows/no-such-flow/runs", "{}", Role.OPERATOR),
          new Endpoint("POST", "/api/flows/no-such-flow/backfill", "{}", Role.OPERATOR),
          new Endpoint("POST", "/api/flows/no-such-flow/refresh", null, Role.OPERATOR),
          new Endpoint("GET", "/api/flows/no-such-flow/sync-state", null, Role.VIEWER),
          new Endpoint("DELETE", "/api/flows/no-such-flow", null, Role.DESIGNER),
          new Endpoint("POST", "/api/flows/no-such-flow/disable", null, Role.OPERATOR),
          new Endpoint("DELETE", "/api/flows/no-such-flow/disable", null, Role.OPERATOR),
          new Endpoint("DELETE", "/api/flows/no-such-flow/sync-state", null, Role.OPERATOR),
          new Endpoint("GET", "/api/runs", null, Role.VIEWER),
          new Endpoint("GET", "/api/runs/" + NO_SUCH, null, Role.VIEWER),
          new Endpoint("GET", "/api/runs/" + NO_SUCH + "/datasets", null, Role.VIEWER),
          new Endpoint("GET", "/api/runs/" + NO_SUCH + "/datasets/" + NO_SUCH, null, Role.VIEWER),
          new Endpoint(
              "GET",
              "/api/runs/" + NO_SUCH + "/datasets/" + NO_SUCH + "/download",
              null,
              Role.VIEWER),
          new Endpoint(
              "POST",
              "/api/runs/" + NO_SUCH + "/datasets/" + NO_SUCH + "/download-link",
              null,
              Role.VIEWER),
          new Endpoint("GET", "/api/runs/" + NO_SUCH + "/variables", null, Role.VIEWER),
          new Endpoint("POST", "/api/runs/" + NO_SUCH + "/retry", null, Role.OPERATOR),
          new Endpoint("POST", "/api/runs/" + NO_SUCH + "/cancel", null, Role.OPERATOR),
          new Endpoint("POST", "/api/runs/" + NO_SUCH + "/restart", null, Role.OPERATOR),
          new Endpoint("POST", "/api/schedules/" + NO_SUCH + "/pause", null, Role.OPERATOR),
          new Endpoint("DELETE", "/api/schedules/" + NO_SUCH + "/pause", null, Role.OPERATOR),
          new Endpoint("GET", "/api/connections", null, Role.VIEWER),
          new Endpoint("GET", "/api/connections/no-such-connection", null, Role.VIEWER),
          new Endpoint("GET", "/api/connections/no-such-connection/checks", null, Role.VIEWER),
          new Endpoint("GET", "/api/connections/no-such-connection/flows", null, Role.VIEWER),
          new Endpoint("PUT", "/api/connections/no-such-connection", "{}", Role.DESIGNER),
          new Endpoint("DELETE", "/api/connections/no-such-connection", null, Role.DESIGNER),
          new Endpoint("POST", "/api/connections/test", "{}", Role.DESIGNER),
          new Endpoint("POST", "/api/connections/no-such-connection/test", null, Role.OPERATOR),
          new Endpoint("GET", "/api/connections/no-such-connection/status", null, Role.VIEWER),
          new Endpoint("GET", "/api/connection-types", null, Role.VIEWER),
          new Endpoint("GET", "/api/element-templates", null, Role.VIEWER),
          new Endpoint("GET", "/api/schedules", null, Role.VIEWER),
          new Endpoint("POST", "/api/subscriptions", "{}", Role.DESIGNER),
          new Endpoint("GET", "/api/subscriptions", null, Role.VIEWER),
          new Endpoint("DELETE", "/api/subscriptions/" + NO_SUCH, null, Role.DESIGNER),
          new Endpoint(
              "PUT", "/api/subscriptions/" + NO_SUCH + "/event-types", "{}", Role.DESIGNER),
          new Endpoint("GET", "/api/subscriptions/" + NO_SUCH + "/deliveries", null, Role.VIEWER),
          new Endpoint("POST", "/api/triggers", "{}", Role.DESIGNER),
          new Endpoint("GET", "/api/triggers", null, Role.VIEWER),
          new Endpoint("POST", "/api/triggers/" + NO_SUCH + "/rotate-secret", null, Role.DESIGNER),
          new Endpoint("POST", "/api/triggers/" + NO_SUCH + "/pause", null, Role.OPERATOR),
          new Endpoint("POST", "/api/triggers/" + NO_SUCH + "/test-event", "{}", Role.OPERATOR),
          new Endpoint("DELETE", "/api/triggers/" + NO_SUCH + "/pause", null, Role.OPERATOR),
          new Endpoint("GET", "/api/triggers/" + NO_SUCH + "/events", null, Role.VIEWER),
          new Endpoint("GET", "/api/triggers/" + NO_SUCH + "/events/" + NO_SUCH, null, Role.VIEWER),
          new Endpoint("GET", "/api/triggers/" + NO_SUCH + "/rejections", null, Role.VIEWER),
          new Endpoint("DELETE", "/api/triggers/" + NO_SUCH, null, Role.DESIGNER),
          new Endpoint("PUT", "/api/triggers/" + NO_SUCH, "{}", Role.DESIGNER),
          new Endpoint(
              "POST",
              "/api/triggers/" + NO_SUCH + "/events/" + NO_SUCH + "/replay",
              null,
              Role.OPERATOR),
          new Endpoint("POST", "/api/tokens", "{}", Role.ADMIN),
          new Endpoint("GET", "/api/tokens", null, Role.ADMIN),
          new Endpoint("DELETE", "/api/tokens/" + NO_SUCH, null, Role.ADMIN),
          new Endpoint("GET", "/api/audit", null, Role.ADMIN),
          new Endpoint("GET", "/api/secrets", null, Role.VIEWER),
          new Endpoint("PUT", "/api/secrets/bad%20name", "{}", Role.DESIGNER),
          new Endpoint("DELETE", "/api/secrets/no-such-secret", null, Role.DESIGNER),
          new Endpoint("GET", "/api/flows/no-such-flow/versions", null, Role.VIEWER),
          new Endpoint("GET", "/api/flows/no-such-flow/versions/1/bpmn", null, Role.VIEWER),
          new Endpoint("PUT", "/api/triggers/" + NO_SUCH + "/routes", "{}", Role.DESIGNER));

  @Test
  void everyEndpointRefusesExactlyTheRolesBelowTheOneItNeeds() {
    Map<Role, String> tokens = new EnumMap<>(Role.class);
    for (Role role : Role.values()) {
      tokens.put(role, TestTokens.create(role.label(), null));
    }
    List<String> wrong = new ArrayList<>();
    for (Endpoint endpoint : ENDPOINTS) {
      for (Role role : Role.values()) {
        int status = endpoint.call(as(tokens.get(role))).statusCode();
        boolean refused = status == 403;
        if (refused != !role.includes(endpoint.least()) || status == 401 || status >= 500) {
          wrong.add(
              endpoint.method()
                  + " "
                  + endpoint.path()
                  + " as "
                  + role.label()
                  + " answered "
                  + status);
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void aCallWithoutATokenIsRefusedWithHowToSendOne() {
    ApiError error =
        TestTokens.anonymous()
            .get("/api/flows")
            .then()
            .statusCode(401)
            .extract()
            .as(ApiError.class);
    assertThat(error.message()).contains("Authorization: Bearer");
  }

  @Test
  void anUnknownTokenIsRefused() {
    as("mf_" + UUID.randomUUID())
        .get("/api/runs")
        .then()
        .statusCode(401)
        .body("message", containsString("not known"));
  }

  @Test
  void aForbiddenCallNamesTheRoleItNeeds() {
    as(TestTokens.create("viewer", null))
        .delete("/api/connections/anything")
        .then()
        .statusCode(403)
        .body("message", containsString("needs the designer role"));
  }

  @Test
  void meTellsTheTenantAndRoleOfTheToken() {
    as(TestTokens.create("operator", null))
        .get("/api/me")
        .then()
        .statusCode(200)
        .body("tenant", equalTo("default"))
        .body("role", equalTo("operator"));
  }

  @Test
  void webhooksNeedNoToken() {
    TestTokens.anonymous()
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/webhooks/no-such-trigger")
        .then()
        .statusCode(404);
  }
}
