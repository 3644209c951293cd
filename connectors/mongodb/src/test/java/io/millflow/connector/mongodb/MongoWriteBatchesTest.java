package io.millflow.connector.mongodb;

import static io.millflow.connector.sql.testing.Orders.T0;
import static io.millflow.connector.sql.testing.Orders.line;
import static io.millflow.connector.sql.testing.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.model.PurchaseOrder;
import io.millflow.step.StepFailure;
import io.millflow.step.WriteResult;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How the step splits a dataset into plain inserts (keys not stored), guarded replaces (stored keys
 * that changed) and nothing at all (identical or older), batch after batch while the next batch is
 * being read: counts stay exact.
 */
class MongoWriteBatchesTest {

  @RegisterExtension static final TestMongo mongo = new TestMongo();

  private WriteFixture fixture;

  @BeforeEach
  void freshDatabase() {
    fixture = new WriteFixture(mongo, 3);
  }

  @Test
  void insertsEveryNewKeyOverManyBatches() {
    List<PurchaseOrder> orders =
        IntStream.rangeClosed(1, 10)
            .mapToObj(n -> order(String.format("%02d", n), T0, "open", line(1, "1")))
            .toList();

    WriteResult result = fixture.writeOrders(orders);

    assertThat(List.of(result.inserted(), result.updated(), result.unchanged()))
        .containsExactly(10L, 0L, 0L);
    assertThat(fixture.orders())
        .extracting(document -> document.get("_id"))
        .containsExactly("01", "02", "03", "04", "05", "06", "07", "08", "09", "10");
    assertThat(fixture.context().progressReports())
        .extracting(report -> report[0])
        .containsExactly(3L, 6L, 9L, 10L);
  }

  @Test
  void aMixedBatchInsertsNewKeysReplacesChangedOnesAndLeavesTheRest() {
    fixture.writeOrders(
        List.of(
            order("a", T0, "open"),
            order("b", T0, "open"),
            order("c", T0.plusSeconds(60), "approved")));
    WriteFixture wide = fixture.withBatchSize(10);

    WriteResult result =
        wide.writeOrders(
            List.of(
                order("a", T0.plusSeconds(1), "approved"),
                order("b", T0, "open"),
                order("c", T0, "stale"),
                order("d", T0, "open"),
                order("e", T0, "open")));

    assertThat(
            List.of(result.inserted(), result.updated(), result.unchanged(), result.skippedOlder()))
        .containsExactly(2L, 1L, 1L, 1L);
    assertThat(fixture.orders())
        .extracting(document -> document.get("_id") + ":" + document.get("status"))
        .containsExactly("a:approved", "b:open", "c:approved", "d:open", "e:open");
  }

  @Test
  void aKeyInALaterBatchIsWrittenAfterTheEarlierOne() {
    List<PurchaseOrder> orders =
        new ArrayList<>(
            List.of(
                order("1", T0, "open"),
                order("2", T0, "open"),
                order("3", T0, "open"),
                order("4", T0, "open"),
                order("1", T0.plusSeconds(1), "approved"),
                order("2", T0.minusSeconds(1), "stale")));

    WriteResult result = fixture.writeOrders(orders);

    assertThat(
            List.of(result.inserted(), result.updated(), result.unchanged(), result.skippedOlder()))
        .containsExactly(4L, 1L, 0L, 1L);
    assertThat(fixture.orders())
        .extracting(document -> document.get("_id") + ":" + document.get("status"))
        .containsExactly("1:approved", "2:open", "3:open", "4:open");
  }

  @Test
  void aRecordFailingInALaterBatchLeavesTheEarlierBatchesWrittenAndNothingAfter() {
    List<PurchaseOrder> orders = new ArrayList<>();
    IntStream.rangeClosed(1, 7).forEach(n -> orders.add(order(String.valueOf(n), T0, "open")));
    orders.add(order(null, T0, "open"));
    orders.add(order("9", T0, "open"));

    assertThatThrownBy(() -> fixture.writeOrders(orders))
        .isInstanceOfSatisfying(
            StepFailure.class, f -> assertThat(f.code()).isEqualTo("MISSING_KEY"))
        .hasMessageContaining("Record 8 ");
    assertThat(fixture.orders())
        .extracting(document -> document.get("_id"))
        .containsExactly("1", "2", "3", "4", "5", "6");
  }

  @Test
  void theSecondRunOfAChangedDatasetCountsExactly() {
    List<PurchaseOrder> first =
        IntStream.rangeClosed(1, 8).mapToObj(n -> order("k" + n, T0, "open")).toList();
    fixture.writeOrders(first);
    List<PurchaseOrder> second =
        IntStream.rangeClosed(1, 10)
            .mapToObj(
                n ->
                    n % 2 == 0
                        ? order("k" + n, T0.plusSeconds(n), "approved")
                        : order("k" + n, T0, "open"))
            .toList();

    WriteResult result = fixture.writeOrders(second);

    // k1..k8 stored: k2, k4, k6, k8 changed, the odd ones identical; k9 and k10 new.
    assertThat(List.of(result.inserted(), result.updated(), result.unchanged()))
        .containsExactly(2L, 4L, 4L);
    assertThat(
            fixture
                .collection("purchase_orders")
                .countDocuments(new Document("status", "approved")))
        .isEqualTo(5);
  }
}
