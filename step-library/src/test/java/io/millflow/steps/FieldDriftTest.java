package io.millflow.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.step.Json;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FieldDriftTest {

  private static final Set<String> PUBLISHED = Set.of("id", "name", "modifiedDate");

  @Test
  void countsEachFieldOutsideThePublishedShapeAndTheCustomFieldsWithoutItsValues() {
    FieldDrift drift = new FieldDrift(PUBLISHED, List.of("plantCode"));

    drift.count(json("{\"id\":\"1\",\"name\":\"a\",\"rating\":5,\"plantCode\":\"P1\"}"));
    drift.count(json("{\"id\":\"2\",\"name\":\"b\",\"rating\":4,\"taxId\":\"secret-ish\"}"));
    drift.count(json("{\"id\":\"3\",\"name\":\"c\"}"));

    assertThat(drift.newFieldsSeen()).isEqualTo(Map.of("rating", 2L, "taxId", 1L));
    List<String> warnings = drift.warnings("plex.supplier", 3);
    assertThat(warnings)
        .hasSize(2)
        .anySatisfy(
            w -> assertThat(w).startsWith("2 of 3 plex.supplier records carry the field 'rating'"))
        .anySatisfy(w -> assertThat(w).contains("'taxId'"))
        .noneSatisfy(w -> assertThat(w).contains("secret-ish"));
  }

  @Test
  void warnsOnceWhenACustomFieldIsInNoRecord() {
    FieldDrift drift = new FieldDrift(PUBLISHED, List.of("plantCode", "buyer"));

    drift.count(json("{\"id\":\"1\",\"plantCode\":\"P1\"}"));
    drift.count(json("{\"id\":\"2\",\"buyer\":null}"));

    assertThat(drift.newFieldsSeen()).isEmpty();
    assertThat(drift.warnings("netsuite.vendor", 2))
        .singleElement()
        .asString()
        .startsWith("The custom field 'buyer' is in none of the 2 netsuite.vendor records");
  }

  @Test
  void aSourceWithoutAPublishedShapeIsNotCheckedForNewFields() {
    FieldDrift drift = new FieldDrift(Set.of(), List.of());

    drift.count(json("{\"id\":\"1\",\"anything\":true}"));

    assertThat(drift.newFieldsSeen()).isEmpty();
    assertThat(drift.warnings("x.y", 1)).isEmpty();
  }

  private static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
