package io.millflow.engine.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.engine.dataset.PostgresDatasetStore;
import io.millflow.engine.store.MigratedStateStoreExtension;
import io.millflow.step.DatasetRef;
import io.millflow.step.Json;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PayloadClaimCheckTest {

  @RegisterExtension
  static final MigratedStateStoreExtension postgres =
      new MigratedStateStoreExtension("pg-claim-check-test");

  private static PostgresDatasetStore datasets;

  @BeforeAll
  static void useTheStore() {
    datasets = new PostgresDatasetStore(postgres.jdbi(), 100);
  }

  private final PayloadClaimCheck claimCheck = new PayloadClaimCheck(datasets, 1_000);

  @Test
  void variablesWithinTheLimitTravelAsTheyAre() {
    Map<String, Object> variables = Map.of("body", Map.of("id", "PO-1", "lines", List.of(1, 2, 3)));

    assertThat(claimCheck.small("t1", variables)).isSameAs(variables);
  }

  @Test
  void aLargeListTravelsAsADatasetOfItsItemsAndSmallVariablesStayInline() {
    List<Map<String, Object>> orders =
        IntStream.range(0, 250).mapToObj(i -> Map.<String, Object>of("id", i)).toList();

    Map<String, Object> small = claimCheck.small("t1", Map.of("body", orders, "orderId", "PO-1"));

    assertThat(small).containsEntry("orderId", "PO-1");
    DatasetRef ref = Json.mapper().convertValue(small.get("body"), DatasetRef.class);
    assertThat(ref.count()).isEqualTo(250);
    assertThat(ref.entity()).isEqualTo(PayloadClaimCheck.ENTITY);
    assertThat(read("t1", ref)).isEqualTo(orders);
  }

  @Test
  void aLargeObjectIsOneRecordAndItemsThatAreNoObjectsAreWrapped() {
    Map<String, Object> document = Map.of("note", "x".repeat(2_000));
    List<Integer> numbers = IntStream.range(0, 400).boxed().toList();

    Map<String, Object> small =
        claimCheck.small("t1", Map.of("document", document, "numbers", numbers));

    assertThat(read("t1", Json.mapper().convertValue(small.get("document"), DatasetRef.class)))
        .containsExactly(document);
    assertThat(read("t1", Json.mapper().convertValue(small.get("numbers"), DatasetRef.class)))
        .hasSize(400)
        .startsWith(Map.of("value", 0), Map.of("value", 1));
  }

  @Test
  void onlyTheLargestVariablesGoByReferenceUntilTheRestFits() {
    Map<String, Object> small =
        claimCheck.small(
            "t1", Map.of("large", "a".repeat(900), "medium", "b".repeat(400), "little", "c"));

    assertThat(small.get("large")).isInstanceOf(Map.class);
    assertThat(small).containsEntry("medium", "b".repeat(400)).containsEntry("little", "c");
  }

  @SuppressWarnings("rawtypes")
  private static List<Map> read(String tenantId, DatasetRef ref) {
    try (Stream<Map> records = datasets.forRun(tenantId, null).read(ref, Map.class)) {
      return records.toList();
    }
  }
}
