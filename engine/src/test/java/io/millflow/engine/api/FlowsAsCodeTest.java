package io.millflow.engine.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.millflow.cli.Millflow;
import io.millflow.engine.trigger.WebhookFlows;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The flows-as-code CLI against this runtime: a tenant's setup exported, applied into another
 * tenant and exported again is the same folder byte for byte (also after a trigger's signature and
 * limits were edited in the folder); applying twice changes nothing; a folder whose secrets or
 * connections the target lacks is refused whole; diff's exit codes; and no secret or credential
 * value is in any exported file.
 */
@QuarkusTest
class FlowsAsCodeTest {

  private static final String RUN = Long.toString(System.nanoTime(), 36);
  private static final String SECRET_VALUE = "cli-secret-value-" + RUN;
  private static final String CREDENTIAL_VALUE = "cli-credential-value-" + RUN;
  private static final String FLOW = "cli-orders";
  private static final String HOOK_FLOW = "cli-hook-target";

  @TestHTTPResource("/")
  URL runtime;

  private static String source;
  private static Path exported;
  private static final List<String> handedOutSecrets = new ArrayList<>();

  @BeforeEach
  void aTenantWithEverythingExported() throws IOException {
    if (source != null) {
      return;
    }
    source = token("cli-src-" + RUN);
    saveSecretAndConnection(source);
    deploy(source, flowUsingASecretAndAConnection());
    deploy(source, WebhookFlows.empty(HOOK_FLOW));
    handedOutSecrets.add(
        as(source)
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "name",
                    "orders-in",
                    "signature",
                    Map.of("type", "hmac", "header", "X-Signature"),
                    "eventId",
                    "header:X-Event-Id",
                    "routes",
                    List.of(Map.of("condition", "body.kind = \"order\"", "flowId", HOOK_FLOW))))
            .post("/api/triggers")
            .then()
            .statusCode(201)
            .extract()
            .path("secret"));
    handedOutSecrets.add(
        as(source)
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "url",
                    "http://127.0.0.1:9/cli-hook",
                    "eventTypes",
                    List.of("sync.failed", "sync.completed")))
            .post("/api/subscriptions")
            .then()
            .statusCode(201)
            .extract()
            .path("secret"));
    exported = Files.createTempDirectory("millflow-export");
    Files.createDirectories(exported.resolve("flows"));
    Files.writeString(exported.resolve("flows/" + FLOW + ".test.yaml"), "expect: completed\n");
    assertThat(cli("export", exported, source).code()).isZero();
  }

  @Test
  void exportWritesTheStableLayoutAndLeavesOtherFilesAlone() throws IOException {
    assertThat(exported.resolve("flows/" + FLOW + ".bpmn")).exists();
    assertThat(exported.resolve("flows/" + HOOK_FLOW + ".bpmn")).exists();
    assertThat(Files.readString(exported.resolve("triggers/orders-in.json")))
        .startsWith("{\n  \"eventId\": \"header:X-Event-Id\",\n")
        .contains("\"flowId\": \"" + HOOK_FLOW + "\"")
        .doesNotContain("\"id\"", "createdAt", "/webhooks/")
        .endsWith("}\n");
    assertThat(Files.readString(exported.resolve("subscriptions/127.0.0.1-9-cli-hook.json")))
        .isEqualTo(
            """
            {
              "eventTypes": [
                "sync.completed",
                "sync.failed"
              ],
              "url": "http://127.0.0.1:9/cli-hook"
            }
            """);
    assertThat(Files.readString(exported.resolve("connections/exports.json")))
        .contains("\"credentials\": [\n    \"password\"\n  ]", "\"type\": \"file\"");
    assertThat(Files.readString(exported.resolve("secrets.json")))
        .isEqualTo("[\n  \"cli-api-key\"\n]\n");
    assertThat(Files.readString(exported.resolve("flows/" + FLOW + ".test.yaml")))
        .isEqualTo("expect: completed\n");
  }

  @Test
  void noSecretOrCredentialValueIsInAnyExportedFile() throws IOException {
    assertThat(handedOutSecrets).hasSize(2).doesNotContainNull();
    for (String text : folder(exported).values()) {
      assertThat(text).doesNotContain(SECRET_VALUE, CREDENTIAL_VALUE);
      handedOutSecrets.forEach(secret -> assertThat(text).doesNotContain(secret));
    }
  }

  @Test
  void applyIntoAnEmptyTenantThenExportGivesTheSameFolderByteForByte() throws IOException {
    String target = token("cli-dst-" + RUN);
    saveSecretAndConnection(target);

    assertThat(cli("diff", exported, target).code()).isEqualTo(2);
    Result applied = cli("apply", exported, target);
    assertThat(applied.code()).as(applied.err()).isZero();
    assertThat(applied.out())
        .contains("create", "its secret, shown only this once", "its signing secret");
    Path again = Files.createTempDirectory("millflow-export-again");
    assertThat(cli("export", again, target).code()).isZero();

    Map<String, String> original = folder(exported);
    original.remove("flows/" + FLOW + ".test.yaml");
    assertThat(folder(again)).isEqualTo(original);
  }

  @Test
  void applyingTwiceChangesNothingTheSecondTime() {
    String target = token("cli-twice-" + RUN);
    saveSecretAndConnection(target);
    assertThat(cli("apply", exported, target).code()).isZero();

    Result second = cli("apply", exported, target);

    assertThat(second.code()).isZero();
    assertThat(second.out())
        .contains("0 to create, 0 to update, 0 to delete", "Nothing to apply.")
        .doesNotContain("shown only this once");
    assertThat(cli("diff", exported, target).code()).isZero();
    as(target)
        .get("/api/flows/{id}/versions", FLOW)
        .then()
        .statusCode(200)
        .body("size()", org.hamcrest.Matchers.equalTo(1));
  }

  @Test
  void aFolderWhoseSecretOrConnectionTheTargetLacksIsRefusedBeforeAnyChange() {
    String bare = token("cli-bare-" + RUN);

    Result refused = cli("apply", exported, bare);

    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err())
        .contains("refused, nothing was changed")
        .contains("secret 'cli-api-key'")
        .contains("connection 'exports'", "password");
    as(bare)
        .get("/api/flows")
        .then()
        .body("id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(FLOW)));
    as(bare).get("/api/triggers").then().body("size()", org.hamcrest.Matchers.equalTo(0));
    as(bare).get("/api/subscriptions").then().body("size()", org.hamcrest.Matchers.equalTo(0));
  }

  @Test
  void aMissingCredentialOfAConnectionIsRefusedByName() {
    String target = token("cli-nocred-" + RUN);
    as(target)
        .contentType(ContentType.JSON)
        .body(Map.of("value", "other"))
        .put("/api/secrets/cli-api-key")
        .then()
        .statusCode(201);
    as(target)
        .contentType(ContentType.JSON)
        .body(Map.of("type", "file", "settings", Map.of("baseDirectory", "cli-exports")))
        .put("/api/connections/exports")
        .then()
        .statusCode(201);

    Result refused = cli("apply", exported, target);

    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err()).contains("credential 'password' of connection 'exports'");
  }

  @Test
  void diffExitsZeroWhenNothingWouldChangeAndTwoWhenSomethingWould() throws IOException {
    assertThat(cli("diff", exported, source).code()).isZero();

    Path edited = Files.createTempDirectory("millflow-edited");
    copy(exported, edited);
    Path trigger = edited.resolve("triggers/orders-in.json");
    Files.writeString(
        trigger, Files.readString(trigger).replace("body.kind = \\\"order\\\"", "true"));
    Files.delete(edited.resolve("subscriptions/127.0.0.1-9-cli-hook.json"));

    Result diff = cli("diff", edited, source);
    assertThat(diff.code()).isEqualTo(2);
    assertThat(diff.out())
        .containsPattern("trigger +orders-in +update \\(routes\\)")
        .containsPattern("subscription +127.0.0.1-9-cli-hook +not in folder, kept");
    assertThat(cli("diff", edited, source, "--prune").out())
        .containsPattern("subscription +127.0.0.1-9-cli-hook +would delete");
  }

  @Test
  void applyWithPruneDeletesWhatTheFolderNoLongerHas() throws IOException {
    String target = token("cli-prune-" + RUN);
    saveSecretAndConnection(target);
    assertThat(cli("apply", exported, target).code()).isZero();
    Path smaller = Files.createTempDirectory("millflow-smaller");
    copy(exported, smaller);
    Files.delete(smaller.resolve("subscriptions/127.0.0.1-9-cli-hook.json"));

    assertThat(cli("apply", smaller, target).code()).isZero();
    as(target).get("/api/subscriptions").then().body("size()", org.hamcrest.Matchers.equalTo(1));
    Result pruned = cli("apply", smaller, target, "--prune");

    assertThat(pruned.code()).as(pruned.err()).isZero();
    assertThat(pruned.out()).contains("deleted subscription 127.0.0.1-9-cli-hook");
    as(target).get("/api/subscriptions").then().body("size()", org.hamcrest.Matchers.equalTo(0));
  }

  @Test
  void aSubscriptionsNewEventTypesAreAppliedInPlaceKeepingItsIdAndSecret() throws IOException {
    String target = token("cli-events-" + RUN);
    saveSecretAndConnection(target);
    assertThat(cli("apply", exported, target).code()).isZero();
    String id = as(target).get("/api/subscriptions").then().extract().path("[0].id");
    Path edited = Files.createTempDirectory("millflow-events");
    copy(exported, edited);
    Files.writeString(
        edited.resolve("subscriptions/127.0.0.1-9-cli-hook.json"),
        """
        {
          "eventTypes": [
            "flow.incident"
          ],
          "url": "http://127.0.0.1:9/cli-hook"
        }
        """);

    Result applied = cli("apply", edited, target);

    assertThat(applied.code()).as(applied.err()).isZero();
    assertThat(applied.out())
        .containsPattern("subscription +127.0.0.1-9-cli-hook +update \\(eventTypes\\)")
        .doesNotContain("shown only this once");
    as(target)
        .get("/api/subscriptions")
        .then()
        .body("size()", org.hamcrest.Matchers.equalTo(1))
        .body("[0].id", org.hamcrest.Matchers.equalTo(id))
        .body("[0].eventTypes", org.hamcrest.Matchers.contains("flow.incident"));
  }

  @Test
  void aTriggersNewSignatureAndLimitsAreAppliedInPlaceAndExportAsEdited() throws IOException {
    String target = token("cli-trigger-" + RUN);
    saveSecretAndConnection(target);
    assertThat(cli("apply", exported, target).code()).isZero();
    String id = as(target).get("/api/triggers").then().extract().path("[0].id");
    Path edited = Files.createTempDirectory("millflow-trigger");
    copy(exported, edited);
    Path trigger = edited.resolve("triggers/orders-in.json");
    Files.writeString(
        trigger,
        Files.readString(trigger)
            .replace("\"maxBodyBytes\": 1048576", "\"maxBodyBytes\": 65536")
            .replace("\"header\": \"X-Signature\"", "\"header\": \"X-Hub-Signature\""));

    Result diff = cli("diff", edited, target);
    Result applied = cli("apply", edited, target);

    assertThat(diff.code()).isEqualTo(2);
    assertThat(diff.out())
        .containsPattern("trigger +orders-in +update \\(maxBodyBytes, signature.header\\)")
        .doesNotContain("apply would refuse");
    assertThat(applied.code()).as(applied.err()).isZero();
    assertThat(applied.out())
        .contains("updated trigger orders-in")
        .doesNotContain("shown only this once");
    as(target)
        .get("/api/triggers")
        .then()
        .body("size()", org.hamcrest.Matchers.equalTo(1))
        .body("[0].id", org.hamcrest.Matchers.equalTo(id))
        .body("[0].maxBodyBytes", org.hamcrest.Matchers.equalTo(65536))
        .body("[0].signature.header", org.hamcrest.Matchers.equalTo("X-Hub-Signature"));
    Path again = Files.createTempDirectory("millflow-trigger-again");
    assertThat(cli("export", again, target).code()).isZero();
    Map<String, String> wanted = folder(edited);
    wanted.remove("flows/" + FLOW + ".test.yaml");
    assertThat(folder(again)).isEqualTo(wanted);
    Result second = cli("apply", edited, target);
    assertThat(second.code()).isZero();
    assertThat(second.out()).contains("0 to create, 0 to update, 0 to delete", "Nothing to apply.");
  }

  private static void copy(Path from, Path to) throws IOException {
    for (Map.Entry<String, String> file : folder(from).entrySet()) {
      Files.createDirectories(to.resolve(file.getKey()).getParent());
      Files.writeString(to.resolve(file.getKey()), file.getValue());
    }
  }

  private Result cli(String command, Path folder, String token, String... more) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> args =
        new ArrayList<>(List.of(command, folder.toString(), "--url", runtime.toString()));
    args.addAll(List.of(more));
    int code =
        new Millflow(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))
            .run(args, Map.of("MILLFLOW_TOKEN", token));
    String printed = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    assertThat(printed).as("the CLI never prints its token").doesNotContain(token);
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private record Result(int code, String out, String err) {}

  /** Every file of a folder by its path relative to it, with its text. */
  private static Map<String, String> folder(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(file).toString(), Files.readString(file));
      }
    }
    return files;
  }

  private static String token(String tenant) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("name", "cli-" + System.nanoTime(), "role", "admin", "tenant", tenant))
        .post("/api/tokens")
        .then()
        .statusCode(201)
        .extract()
        .path("secret");
  }

  private static RequestSpecification as(String token) {
    return given().header("Authorization", "Bearer " + token);
  }

  private static void saveSecretAndConnection(String token) {
    as(token)
        .contentType(ContentType.JSON)
        .body(Map.of("value", SECRET_VALUE))
        .put("/api/secrets/cli-api-key")
        .then()
        .statusCode(201);
    as(token)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "type",
                "file",
                "settings",
                Map.of("baseDirectory", "cli-exports"),
                "credentials",
                Map.of("password", CREDENTIAL_VALUE)))
        .put("/api/connections/exports")
        .then()
        .statusCode(201);
  }

  private static void deploy(String token, String bpmn) {
    as(token).contentType("application/xml").body(bpmn).post("/api/flows").then().statusCode(201);
  }

  private static String flowUsingASecretAndAConnection() {
    return Bpmn.convertToString(
        Bpmn.createExecutableProcess(FLOW)
            .name("Orders from the exports folder")
            .startEvent()
            .serviceTask(
                "read",
                task ->
                    task.zeebeJobType("file.read")
                        .zeebeInput("=\"exports\"", "connection")
                        .zeebeInput("=\"in/{{secrets.cli-api-key}}.csv\"", "path"))
            .endEvent()
            .done());
  }
}
