package io.millflow.connector.plex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.plex.PlexDataSourceExecute.Input;
import io.millflow.connector.plex.PlexDataSourceExecute.Result;
import io.millflow.connector.plex.sandbox.PlexSandbox;
import io.millflow.connector.plex.sandbox.PlexSandboxConfig;
import io.millflow.step.Connection;
import io.millflow.step.ReauthRequiredException;
import io.millflow.step.RetryableStepException;
import io.millflow.step.StepFailure;
import io.millflow.step.testing.TestStepContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code plex.datasource.execute} against the sandbox's Data Source API. */
class PlexDataSourceExecuteTest {

  private static final String PART_ATTRIBUTES = "18431",
      QUALITY_CHECKS = "22907",
      TRANSACTIONS = "30115",
      PAYROLL = "40001";

  @RegisterExtension
  static final PlexSandboxExtension PLEX =
      new PlexSandboxExtension(
          PlexSandboxConfig.defaults().withPurchaseOrders(0).withoutRateLimit());

  private final PlexSandbox sandbox = PLEX.sandbox();

  private final PlexDataSourceExecute step = new PlexDataSourceExecute();
  private final TestStepContext context =
      new TestStepContext().withConnection(connection("plex", "sandbox-password"));

  @Test
  void writesEachRowAsARecordKeyedByColumnName() {
    Result result = run(PART_ATTRIBUTES, Map.of());

    List<JsonNode> rows = context.datasets().readAll(result.records(), JsonNode.class);
    assertThat(result.records().entity()).isEqualTo("plex.datasource.18431");
    assertThat(rows)
        .hasSize(40 * 3)
        .first()
        .satisfies(
            row ->
                assertThat(row.fieldNames())
                    .toIterable()
                    .containsExactly("Part_Key", "Part_No", "Attribute_Name", "Attribute_Value"));
    assertThat(result.rowLimitExceeded()).isFalse();
    assertThat(result.transactionNo()).isNotBlank();
  }

  @Test
  void passesInputsByTheirExactNames() {
    Result result =
        step.run(
            new Input(
                "plex",
                QUALITY_CHECKS,
                Map.of("Part_No", "1002-0002", "Max_Checks", 7),
                null,
                "qualityCheck"),
            context);

    List<JsonNode> rows = context.datasets().readAll(result.records(), JsonNode.class);
    assertThat(result.records().entity()).isEqualTo("qualityCheck");
    assertThat(rows)
        .hasSize(7)
        .allSatisfy(row -> assertThat(row.get("Part_No").asText()).isEqualTo("1002-0002"));
  }

  @Test
  void namesAMissingRequiredInputBeforeRunningAnything() {
    assertThatThrownBy(() -> run(QUALITY_CHECKS, Map.of()))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("DATA_SOURCE_INPUT_REQUIRED"))
        .hasMessageContaining(
            "Data source 22907 (Quality_Checks_Get) requires input 'Part_No' (string)");
  }

  @Test
  void catchesAMiscasedInputNameThatPlexWouldIgnore() {
    assertThatThrownBy(() -> run(PART_ATTRIBUTES, Map.of("part_no", "1000-0000")))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("DATA_SOURCE_INPUT_UNKNOWN"))
        .hasMessageContaining("did you mean 'Part_No'? Input names are case-sensitive");
  }

  @Test
  void namesAnInputOfTheWrongTypeAndWhatToGive() {
    assertThatThrownBy(() -> run(TRANSACTIONS, Map.of("Days", "a week")))
        .isInstanceOfSatisfying(
            StepFailure.class,
            e -> assertThat(e.code()).isEqualTo("DATA_SOURCE_INPUT_TYPE_MISMATCH"))
        .hasMessageContaining(
            "input 'Days' as int, but the step gives 'a week': give it a whole number");
  }

  @Test
  void failsRatherThanLoseRowsPastPlexsRowLimit() {
    assertThatThrownBy(() -> run(TRANSACTIONS, Map.of("Days", 5)))
        .isInstanceOfSatisfying(
            StepFailure.class,
            e -> assertThat(e.code()).isEqualTo("DATA_SOURCE_ROW_LIMIT_EXCEEDED"))
        .hasMessageContaining("it sent 1000")
        .hasMessageContaining("allowTruncated");
  }

  @Test
  void keepsTheFirstRowsPastTheLimitWhenAllowedAndSaysSo() {
    Result result =
        step.run(new Input("plex", TRANSACTIONS, Map.of("Days", 5), true, null), context);

    assertThat(result.records().count()).isEqualTo(1_000);
    assertThat(result.rowLimitExceeded()).isTrue();
    assertThat(context.logLines())
        .anyMatch(line -> line.startsWith("WARN") && line.contains("row limit"));
  }

  @Test
  void reportsADataSourceTheAccountMayNotRunAsNoPermissionNotReauth() {
    assertThatThrownBy(() -> run(PAYROLL, Map.of()))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("NO_PERMISSION"))
        .hasMessageContaining("account 'millflow-ws'")
        .hasMessageContaining("data source 40001")
        .hasMessageContaining("DATA_SOURCE_ACCESS_DENIED")
        .hasMessageMatching("(?s).*request [0-9a-f-]{36}.*");
  }

  @Test
  void reportsAnUnknownDataSource() {
    assertThatThrownBy(() -> run("99999", Map.of()))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("DATA_SOURCE_NOT_FOUND"))
        .hasMessageContaining("dataSourceBaseUrl");
  }

  @Test
  void asksToReconnectWhenThePasswordIsWrongOrRevokedNeverShowingIt() {
    context.withConnection(connection("stale", "old-password"));

    assertThatThrownBy(
            () -> step.run(new Input("stale", PART_ATTRIBUTES, null, null, null), context))
        .isInstanceOfSatisfying(
            ReauthRequiredException.class, e -> assertThat(e.connection()).isEqualTo("stale"))
        .hasMessageContaining("username and password")
        .hasMessageNotContaining("old-password");
    sandbox.faults().revokeCredentials(true);
    assertThatThrownBy(() -> run(PART_ATTRIBUTES, Map.of()))
        .isInstanceOf(ReauthRequiredException.class);
  }

  @Test
  void retriesWhenTheDataSourceApiFailsOrLimits() {
    sandbox.faults().failNext(1, 503).rateLimitNext(1, Duration.ofSeconds(9));

    assertThatThrownBy(() -> run(PART_ATTRIBUTES, Map.of()))
        .isInstanceOf(RetryableStepException.class)
        .hasMessageContaining("503");
    assertThatThrownBy(() -> run(PART_ATTRIBUTES, Map.of()))
        .isInstanceOfSatisfying(
            RetryableStepException.class,
            e -> assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(9)));
  }

  @Test
  void needsTheDataSourceSettingsOfTheConnection() {
    context.withConnection(PlexConnections.to(sandbox, "connect-only"));

    assertThatThrownBy(
            () -> step.run(new Input("connect-only", PART_ATTRIBUTES, null, null, null), context))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("CONNECTION_INCOMPLETE"))
        .hasMessageContaining("dataSourceBaseUrl");
  }

  private Result run(String dataSourceId, Map<String, Object> inputs) {
    return step.run(new Input("plex", dataSourceId, inputs, null, null), context);
  }

  private Connection connection(String name, String password) {
    return new Connection(
        name,
        "plex",
        Map.of("baseUrl", sandbox.baseUrl(), "dataSourceBaseUrl", sandbox.dataSourceBaseUrl()),
        Map.of("username", "millflow-ws", "password", password));
  }
}
