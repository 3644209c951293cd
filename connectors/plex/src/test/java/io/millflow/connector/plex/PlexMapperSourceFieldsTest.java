package io.millflow.connector.plex;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.model.FillRates;
import io.millflow.model.UnifiedMapper;
import io.millflow.model.UnifiedRecords;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every Plex mapper names the Plex field behind each unified field it fills, from Plex's published
 * field list of the resource, so a run's empty-field warnings and fill rates cover every entity.
 */
class PlexMapperSourceFieldsTest {

  private static final List<UnifiedMapper> MAPPERS =
      List.of(
          new PlexPurchaseOrderMapper(),
          new PlexSupplierMapper(),
          new PlexPartMapper(),
          new PlexContainerMapper(),
          new PlexJobMapper(),
          new PlexEquipmentMapper());

  @Test
  void everyMapperDeclaresItsSourceFieldsForUnifiedFieldsOfItsEntity() {
    for (UnifiedMapper mapper : MAPPERS) {
      var standard =
          FillRates.of(UnifiedRecords.ENTITIES.get(mapper.targetEntity())).rates().keySet();
      assertThat(mapper.sourceFields())
          .as(mapper.sourceEntity())
          .isNotEmpty()
          .containsKey("key")
          .allSatisfy((unified, source) -> assertThat(standard).contains(unified));
    }
  }

  @Test
  void everyHeaderSourceFieldIsInPlexsPublishedShape() {
    for (UnifiedMapper mapper : MAPPERS) {
      mapper.sourceFields().entrySet().stream()
          .filter(entry -> !entry.getKey().startsWith("lines."))
          .flatMap(entry -> Arrays.stream(entry.getValue().split(" / ")))
          .forEach(
              field ->
                  assertThat(mapper.publishedFields())
                      .as(mapper.sourceEntity() + " field " + field)
                      .contains(field));
    }
  }
}
