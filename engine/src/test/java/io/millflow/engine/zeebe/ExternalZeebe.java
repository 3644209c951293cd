package io.millflow.engine.zeebe;

import com.sun.net.httpserver.HttpServer;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Zeebe that Millflow does not start: a Zeebe engine with its own gRPC gateway in the test, and
 * an OAuth token endpoint beside it, so cluster mode is exercised by address and client credentials
 * exactly as against Camunda 8.
 */
public class ExternalZeebe implements QuarkusTestResourceLifecycleManager {

  static ZeebeTestEngine engine;

  /**
   * New for every start, so a token cached by an earlier run cannot stand in for the request this
   * test expects.
   */
  static final String CLIENT_ID = "millflow-test-" + java.util.UUID.randomUUID();

  static final List<String> tokenRequests = new CopyOnWriteArrayList<>();
  private HttpServer tokenServer;

  @Override
  public Map<String, String> start() {
    engine = EngineFactory.create();
    engine.start();
    tokenServer = startTokenServer();
    return Map.of(
        "millflow.security.master-key-file",
        io.millflow.engine.TestMasterKey.file().toString(),
        "millflow.zeebe.address",
        "http://" + engine.getGatewayAddress(),
        "millflow.zeebe.oauth.client-id",
        CLIENT_ID,
        "millflow.zeebe.oauth.client-secret",
        "test-secret",
        "millflow.zeebe.oauth.authorization-server-url",
        "http://127.0.0.1:" + tokenServer.getAddress().getPort() + "/oauth/token",
        "millflow.zeebe.oauth.audience",
        "zeebe-api");
  }

  @Override
  public void stop() {
    tokenServer.stop(0);
    engine.stop();
  }

  private static HttpServer startTokenServer() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/oauth/token",
          exchange -> {
            tokenRequests.add(
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body =
                "{\"access_token\":\"test-token\",\"token_type\":\"Bearer\",\"expires_in\":3600}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
