package io.millflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlannerTest {

  private static JsonNode json(String text) {
    return StableJson.read(text, "test");
  }

  private static TenantSetup flows(Map<String, String> flows, Map<String, JsonNode> triggers) {
    return new TenantSetup(flows, triggers, Map.of(), Map.of(), Set.of());
  }

  @Test
  void eachObjectIsCreatedUpdatedUnchangedOrKeptWithoutPrune() {
    TenantSetup folder =
        flows(
            Map.of("new", "<a/>", "same", "<b/>", "edited", "<c2/>"),
            Map.of("t", json("{\"routes\": [1], \"matchAll\": false}")));
    TenantSetup target =
        flows(
            Map.of("same", "<b/>", "edited", "<c1/>", "extra", "<d/>"),
            Map.of("t", json("{\"matchAll\": false, \"routes\": [2]}")));

    Plan plan = Planner.plan(folder, target, false);

    assertThat(plan.changes())
        .extracting(change -> change.kind().label + " " + change.name() + " " + change.action())
        .containsExactly(
            "flow edited UPDATE",
            "flow extra KEEP",
            "flow new CREATE",
            "flow same UNCHANGED",
            "trigger t UPDATE");
    assertThat(plan.of(Change.Kind.TRIGGER, Change.Action.UPDATE).getFirst().detail())
        .isEqualTo("routes");
    assertThat(plan.changesAnything()).isTrue();
  }

  @Test
  void whatTheFolderLacksIsDeletedOnlyWithPrune() {
    TenantSetup folder = flows(Map.of("same", "<b/>"), Map.of());
    TenantSetup target = flows(Map.of("same", "<b/>", "extra", "<d/>"), Map.of());

    assertThat(Planner.plan(folder, target, false).changesAnything()).isFalse();
    Plan pruning = Planner.plan(folder, target, true);
    assertThat(pruning.changesAnything()).isTrue();
    assertThat(pruning.of(Change.Kind.FLOW, Change.Action.DELETE))
        .extracting(Change::name)
        .containsExactly("extra");
  }

  @Test
  void documentsThatDifferOnlyInKeyOrderAreUnchanged() {
    TenantSetup folder =
        flows(Map.of(), Map.of("t", json("{\"a\": 1, \"b\": {\"c\": 2, \"d\": 3}}")));
    TenantSetup target =
        flows(Map.of(), Map.of("t", json("{\"b\": {\"d\": 3, \"c\": 2}, \"a\": 1}")));

    assertThat(Planner.plan(folder, target, true).changesAnything()).isFalse();
  }

  @Test
  void anUpdateNamesTheFieldsThatDifferDownIntoObjects() {
    TenantSetup folder =
        flows(
            Map.of(),
            Map.of(
                "t",
                json(
                    "{\"maxBodyBytes\": 64, \"routes\": [1],"
                        + " \"signature\": {\"type\": \"timestamped\", \"header\": \"X-A\"}}")));
    TenantSetup target =
        flows(
            Map.of(),
            Map.of(
                "t",
                json(
                    "{\"maxBodyBytes\": 128, \"routes\": [2],"
                        + " \"signature\": {\"type\": \"hmac\", \"header\": \"X-A\"}}")));

    assertThat(
            Planner.plan(folder, target, false)
                .of(Change.Kind.TRIGGER, Change.Action.UPDATE)
                .getFirst()
                .detail())
        .isEqualTo("maxBodyBytes, routes, signature.type");
  }
}
