package io.millflow.connector.netsuite;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.connector.netsuite.protocol.SuiteQlEntity;
import io.millflow.model.FillRates;
import io.millflow.model.UnifiedMapper;
import io.millflow.model.UnifiedRecords;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every NetSuite mapper names the field behind each unified field it fills, and each is a field of
 * the record the connector's SuiteQL reads (netsuite-protocol's {@link SuiteQlEntity}), so a run's
 * empty-field warnings and fill rates cover every entity.
 */
class NetSuiteMapperSourceFieldsTest {

  private static final Map<UnifiedMapper, SuiteQlEntity> MAPPERS =
      Map.of(
          new NetSuitePurchaseOrderMapper(), SuiteQlEntity.PURCHASE_ORDER,
          new NetSuiteVendorMapper(), SuiteQlEntity.VENDOR,
          new NetSuiteInventoryItemMapper(), SuiteQlEntity.INVENTORY_ITEM);

  @Test
  void everyMapperDeclaresSourceFieldsForUnifiedFieldsOfItsEntity() {
    MAPPERS.forEach(
        (mapper, entity) -> {
          var standard =
              FillRates.of(UnifiedRecords.ENTITIES.get(mapper.targetEntity())).rates().keySet();
          assertThat(mapper.sourceFields())
              .as(mapper.sourceEntity())
              .containsKey("key")
              .allSatisfy((unified, source) -> assertThat(standard).contains(unified));
        });
  }

  @Test
  void theLineFieldsAreColumnsOfThePurchaseOrderItemSublist() {
    Set<String> lineFields = fields(SuiteQlEntity.PURCHASE_ORDER_LINE);

    new NetSuitePurchaseOrderMapper()
        .sourceFields()
        .forEach(
            (unified, source) -> {
              if (unified.startsWith("lines.")) {
                Arrays.stream(source.split(" / "))
                    .map(field -> field.split("[ .]")[0])
                    .forEach(field -> assertThat(lineFields).as(unified).contains(field));
              }
            });
  }

  private static Set<String> fields(SuiteQlEntity entity) {
    return entity.columns().stream().map(SuiteQlEntity.Column::field).collect(Collectors.toSet());
  }
}
