package io.millflow.engine.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.millflow.engine.FlowTestSupport;
import io.millflow.engine.store.StateStore;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Steps that echo a resolved {@code {{secrets.NAME}}} (PostgreSQL quoting a value it cannot cast in
 * its error, a file step logging and failing on a path made with a secret) leave the value nowhere:
 * not in the run's or the steps' errors, the step log, any table of the state store, the delivered
 * events or Millflow's log. The reference stands in its place.
 */
@QuarkusTest
class SecretEchoTest {

  private static final String SECRET = "echo";
  private static final String REFERENCE = "{{secrets." + SECRET + "}}";
  private static final String VALUE = "Echo-" + System.nanoTime() + "-value";

  @Inject StateStore store;

  private final List<String> delivered = new CopyOnWriteArrayList<>();
  private final List<String> logged = new CopyOnWriteArrayList<>();
  private final Handler logCapture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logged.add(
              record.getMessage()
                  + " "
                  + java.util.Arrays.toString(record.getParameters())
                  + " "
                  + (record.getThrown() == null ? "" : String.valueOf(record.getThrown())));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private HttpServer receiver;
  private String subscription;

  @BeforeEach
  void subscribeAndCaptureTheLog() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          delivered.add(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    receiver.start();
    subscription =
        given()
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "url",
                    "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                    "eventTypes",
                    List.of("flow.incident", "sync.failed")))
            .post("/api/subscriptions")
            .then()
            .statusCode(201)
            .extract()
            .path("subscription.id");
    Logger.getLogger("").addHandler(logCapture);
  }

  @AfterEach
  void unsubscribe() {
    Logger.getLogger("").removeHandler(logCapture);
    given().delete("/api/subscriptions/{id}", subscription).then().statusCode(204);
    receiver.stop(0);
  }

  @Test
  void aSecretEchoedByFailingStepsAppearsNowhereButAsItsReference() {
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("value", VALUE))
        .put("/api/secrets/{name}", SECRET)
        .then()
        .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    String castRun =
        FlowTestSupport.startRun(
            FlowTestSupport.deploy(
                flow(
                    "secret-echo-cast",
                    task ->
                        task.zeebeJobType("postgres.query")
                            .zeebeInput("=\"warehouse\"", "connection")
                            .zeebeInput("=\"select cast(:probe as int) as n\"", "sql")
                            .zeebeInput("={probe: \"" + REFERENCE + "\"}", "parameters"))));
    String fileRun =
        FlowTestSupport.startRun(
            FlowTestSupport.deploy(
                flow(
                    "secret-echo-file",
                    task ->
                        task.zeebeJobType("file.read")
                            .zeebeInput("=\"files\"", "connection")
                            .zeebeInput("=\"in/" + REFERENCE + ".csv\"", "path"))));

    JsonPath cast = FlowTestSupport.awaitRunEnd(castRun);
    JsonPath file = FlowTestSupport.awaitRunEnd(fileRun);

    assertThat(cast.getString("run.status")).isEqualTo("incident");
    assertThat(cast.getString("run.error"))
        .as("PostgreSQL quoted the value; the reference stands in its place")
        .contains("invalid input syntax for type integer", REFERENCE);
    assertThat(file.getString("steps[0].step.error")).contains(REFERENCE);
    assertThat(file.getList("steps[0].log.message", String.class))
        .as("the step logged the path it read")
        .anyMatch(line -> line.contains("in/" + REFERENCE + ".csv"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                delivered.stream()
                        .filter(event -> event.contains(castRun) || event.contains(fileRun))
                        .count()
                    >= 4);

    assertThat(List.of(cast.prettify(), file.prettify())).noneMatch(text -> text.contains(VALUE));
    assertThat(delivered)
        .anyMatch(event -> event.contains(castRun) && event.contains(REFERENCE))
        .noneMatch(event -> event.contains(VALUE));
    assertThat(tablesHolding(VALUE)).as("tables of the state store holding the value").isEmpty();
    assertThat(logged).noneMatch(line -> line.contains(VALUE));
  }

  private static String flow(
      String id, Consumer<io.camunda.zeebe.model.bpmn.builder.ServiceTaskBuilder> task) {
    return Bpmn.convertToString(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("echo", task::accept)
            .endEvent()
            .done());
  }

  /** Every table of the state store with a row whose text holds {@code text}. */
  private List<String> tablesHolding(String text) {
    return store
        .jdbi()
        .withHandle(
            h ->
                h
                    .createQuery(
                        "select table_name from information_schema.tables where table_schema = current_schema()"
                            + " and table_type = 'BASE TABLE'")
                    .mapTo(String.class)
                    .list()
                    .stream()
                    .filter(
                        table ->
                            h.createQuery(
                                    "select exists (select 1 from \""
                                        + table
                                        + "\" t where t::text like :pattern)")
                                .bind("pattern", "%" + text + "%")
                                .mapTo(Boolean.class)
                                .one())
                    .toList());
  }
}
