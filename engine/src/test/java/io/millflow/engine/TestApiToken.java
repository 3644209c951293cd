package io.millflow.engine;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;

/**
 * The tests' admin token: the test profile configures it as {@code millflow.security.admin-token},
 * so the first start stores it, and every RestAssured call sends it unless the test sets an
 * Authorization header of its own.
 */
public class TestApiToken implements QuarkusTestBeforeEachCallback {

  public static final String ADMIN = "mf_test-admin-token-for-the-engine-tests";

  private static final Filter SEND_ADMIN_TOKEN =
      (request, response, context) -> {
        if (!request.getHeaders().hasHeaderWithName("Authorization")) {
          request.header("Authorization", "Bearer " + ADMIN);
        }
        return context.next(request, response);
      };

  @Override
  public void beforeEach(QuarkusTestMethodContext context) {
    if (!RestAssured.filters().contains(SEND_ADMIN_TOKEN)) {
      RestAssured.filters(SEND_ADMIN_TOKEN);
    }
  }
}
