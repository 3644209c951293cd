package io.millflow.connector.idhammar;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.model.FillRates;
import io.millflow.model.UnifiedMapper;
import io.millflow.model.UnifiedRecords;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every Idhammar mapper names the field behind each unified field it fills, from the Idhammar
 * interface's published shape, so a run's empty-field warnings and fill rates cover every entity.
 */
class IdhammarMapperSourceFieldsTest {

  private static final List<UnifiedMapper> MAPPERS =
      List.of(
          new IdhammarMachineMapper(),
          new IdhammarDowntimeEventMapper(),
          new IdhammarProductionMapper(),
          new IdhammarOeeMapper());

  @Test
  void everyMapperDeclaresPublishedSourceFieldsForUnifiedFieldsOfItsEntity() {
    for (UnifiedMapper mapper : MAPPERS) {
      var standard =
          FillRates.of(UnifiedRecords.ENTITIES.get(mapper.targetEntity())).rates().keySet();
      assertThat(mapper.sourceFields())
          .as(mapper.sourceEntity())
          .containsKey("key")
          .allSatisfy((unified, source) -> assertThat(standard).contains(unified));
      mapper.sourceFields().values().stream()
          .flatMap(source -> Arrays.stream(source.split(" / ")))
          .forEach(
              field ->
                  assertThat(mapper.publishedFields())
                      .as(mapper.sourceEntity() + " field " + field)
                      .contains(field));
    }
  }
}
