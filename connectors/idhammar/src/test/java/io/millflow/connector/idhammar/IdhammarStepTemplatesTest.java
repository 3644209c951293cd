package io.millflow.connector.idhammar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.step.Json;
import io.millflow.step.Step;
import io.millflow.step.StepDescriptor;
import io.millflow.step.template.ElementTemplateGenerator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The four steps as the designer sees them: ids, the Sources group, and each input's template
 * property.
 */
class IdhammarStepTemplatesTest {

  private final ElementTemplateGenerator generator = new ElementTemplateGenerator();

  @Test
  void declaresFourSourceStepsWithGeneratedTemplates() throws Exception {
    List<Step<?, ?>> steps =
        List.of(
            new IdhammarMachinesRead(),
            new IdhammarDowntimeEventsRead(),
            new IdhammarProductionRead(),
            new IdhammarOeeRead());

    List<String> ids = new ArrayList<>();
    for (Step<?, ?> step : steps) {
      StepDescriptor descriptor = StepDescriptor.of(step);
      ids.add(descriptor.id());
      assertThat(descriptor.type().group()).isEqualTo("Sources");
      JsonNode template = Json.mapper().readTree(generator.render(descriptor));
      assertThat(inputs(template)).contains("connection");
    }
    assertThat(ids)
        .containsExactly(
            "idhammar.machines.read",
            "idhammar.downtime-events.read",
            "idhammar.production.read",
            "idhammar.oee.read");
  }

  @Test
  void offersOnlyTheGranularitiesEachListHas() throws Exception {
    JsonNode production =
        Json.mapper().readTree(generator.render(StepDescriptor.of(new IdhammarProductionRead())));
    JsonNode oee =
        Json.mapper().readTree(generator.render(StepDescriptor.of(new IdhammarOeeRead())));

    assertThat(choices(production, "granularity")).containsExactly("hour", "shift");
    assertThat(choices(oee, "granularity")).containsExactly("hour", "shift", "day");
  }

  private static List<String> inputs(JsonNode template) {
    List<String> names = new ArrayList<>();
    template
        .path("properties")
        .forEach(property -> names.add(property.path("binding").path("name").asText()));
    return names;
  }

  private static List<String> choices(JsonNode template, String input) {
    for (JsonNode property : template.path("properties")) {
      if (input.equals(property.path("binding").path("name").asText())) {
        return property.path("choices").findValuesAsText("value");
      }
    }
    throw new AssertionError("No template property for input " + input);
  }
}
