package io.millflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RefusalsTest {

  private static final String FLOW =
      "<zeebe:input source=\"exports\" target=\"connection\" />"
          + "<zeebe:input source=\"=&quot;in/{{secrets.api-key}}.csv&quot;\" target=\"path\" />";

  private static JsonNode json(String text) {
    return StableJson.read(text, "test");
  }

  private static LiveTenant target(Set<String> secrets, Map<String, JsonNode> connections) {
    return new LiveTenant(
        new TenantSetup(Map.of(), Map.of(), Map.of(), Map.of(), Set.of()),
        Map.of(),
        Map.of(),
        secrets,
        connections);
  }

  private static java.util.List<String> refusals(TenantSetup folder, LiveTenant target) {
    return Refusals.of(folder, target, Planner.plan(folder, target.setup(), false));
  }

  @Test
  void namesEachSecretAndConnectionTheTargetLacks() {
    TenantSetup folder =
        new TenantSetup(Map.of("orders", FLOW), Map.of(), Map.of(), Map.of(), Set.of("db"));

    assertThat(refusals(folder, target(Set.of(), Map.of())))
        .containsExactlyInAnyOrder(
            "secret 'api-key' is missing in the target: save it there first (PUT /api/secrets/api-key)",
            "secret 'db' is missing in the target: save it there first (PUT /api/secrets/db)",
            "connection 'exports' is used by a flow but missing in the target and in the folder");
  }

  @Test
  void namesACredentialTheTargetsConnectionLacks() {
    TenantSetup folder =
        new TenantSetup(
            Map.of("orders", FLOW),
            Map.of(),
            Map.of(),
            Map.of("exports", json("{\"type\": \"file\", \"credentials\": [\"password\"]}")),
            Set.of("api-key"));
    LiveTenant target =
        target(
            Set.of("api-key"),
            Map.of("exports", json("{\"origin\": \"api\", \"credentials\": []}")));

    assertThat(refusals(folder, target))
        .containsExactly("credential 'password' of connection 'exports' is missing in the target");
  }

  @Test
  void refusesToWriteAHiddenSettingAndARouteToAnUnknownFlow() {
    TenantSetup folder =
        new TenantSetup(
            Map.of(),
            Map.of("hook", json("{\"routes\": [{\"flowId\": \"nowhere\"}]}")),
            Map.of(),
            Map.of(
                "db", json("{\"type\": \"postgres\", \"settings\": {\"password\": \"(hidden)\"}}")),
            Set.of());

    assertThat(refusals(folder, target(Set.of(), Map.of())))
        .anyMatch(refusal -> refusal.startsWith("setting 'password' of connection 'db' is hidden"))
        .anyMatch(refusal -> refusal.contains("routes to flow 'nowhere'"));
  }

  @Test
  void aTriggersNewSignatureAndLimitsAreAppliedButNotItsPause() {
    JsonNode live =
        json("{\"name\": \"hook\", \"maxBodyBytes\": 1024, \"signature\": {\"type\": \"hmac\"}}");
    TenantSetup edited =
        new TenantSetup(
            Map.of(),
            Map.of(
                "hook",
                json(
                    "{\"name\": \"hook\", \"maxBodyBytes\": 64, \"eventId\": \"pointer:/id\","
                        + " \"signature\": {\"type\": \"timestamped\"}}")),
            Map.of(),
            Map.of(),
            Set.of());
    TenantSetup paused =
        new TenantSetup(
            Map.of(),
            Map.of(
                "hook",
                json(
                    "{\"name\": \"hook\", \"maxBodyBytes\": 1024, \"signature\": {\"type\":"
                        + " \"hmac\"}, \"pausedAt\": \"2026-01-01T00:00:00Z\"}")),
            Map.of(),
            Map.of(),
            Set.of());

    assertThat(refusals(edited, withTrigger(live))).isEmpty();
    java.util.List<String> pausedRefusals = refusals(paused, withTrigger(live));
    assertThat(pausedRefusals).hasSize(1);
    assertThat(pausedRefusals.getFirst())
        .startsWith("trigger 'hook': pausedAt differs, which apply does not change")
        .endsWith(
            "pause or resume the trigger in the target (POST or DELETE /api/triggers/{id}/pause)");
  }

  private static LiveTenant withTrigger(JsonNode trigger) {
    return new LiveTenant(
        new TenantSetup(Map.of(), Map.of("hook", trigger), Map.of(), Map.of(), Set.of()),
        Map.of("hook", "t-1"),
        Map.of(),
        Set.of(),
        Map.of());
  }
}
