package io.millflow.connector.netsuite.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.millflow.sandbox.SandboxJson;
import io.millflow.step.Json;
import java.io.IOException;

/**
 * {@code POST /_sandbox/tokens}: every access token issued so far expires now, so the next API call
 * with one gets 401 INVALID_LOGIN and the client must fetch a new token (a flow test's "token
 * expired mid-sync"). Not part of NetSuite, open without credentials like the kit's faults
 * endpoint.
 *
 * <pre>
 * curl -X POST localhost:8090/_sandbox/tokens -d '{"expire":true}'
 * </pre>
 */
final class TokensEndpoint implements HttpHandler {

  static final String PATH = "/_sandbox/tokens";

  private final IssuedTokens tokens;

  TokensEndpoint(IssuedTokens tokens) {
    this.tokens = tokens;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    boolean expire =
        exchange.getRequestMethod().equals("POST")
            && SandboxJson.read(exchange)
                .map(body -> body.path("expire").asBoolean())
                .orElse(false);
    if (!expire) {
      NetSuiteErrorShape.INSTANCE.write(
          exchange, 400, "INVALID_REQUEST", "POST {\"expire\":true} to " + PATH + ".", null);
      return;
    }
    tokens.revokeAll();
    SandboxJson.write(
        exchange, 200, Json.mapper().createObjectNode().put("issued", tokens.issued()));
  }
}
