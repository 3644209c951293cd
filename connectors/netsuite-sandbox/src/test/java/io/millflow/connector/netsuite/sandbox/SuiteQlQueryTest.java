package io.millflow.connector.netsuite.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.connector.netsuite.protocol.SuiteQlEntity;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sandbox reads exactly the SuiteQL the connector writes, and refuses the rest in NetSuite's
 * words.
 */
class SuiteQlQueryTest {

  @Test
  void parsesTheConnectorsWindowQuery() throws Exception {
    String text =
        SuiteQlEntity.PURCHASE_ORDER.windowQuery(
            Instant.parse("2025-01-01T00:00:00Z"),
            Instant.parse("2025-02-01T12:30:00Z"),
            ZoneOffset.UTC);

    SuiteQlQuery query = SuiteQlQuery.parse(text);

    assertThat(query.table()).isEqualTo("transaction");
    assertThat(query.select())
        .contains(
            new SuiteQlQuery.Display("entity", "entity_name"),
            new SuiteQlQuery.ToChar(
                "lastmodifieddate", "YYYY-MM-DD HH24:MI:SS", "lastmodifieddate"));
    assertThat(query.where())
        .containsExactly(
            new SuiteQlQuery.Equals("type", "PurchOrd"),
            new SuiteQlQuery.Compare(
                "lastmodifieddate", ">=", Instant.parse("2025-01-01T00:00:00Z")),
            new SuiteQlQuery.Compare(
                "lastmodifieddate", "<", Instant.parse("2025-02-01T12:30:00Z")));
    assertThat(query.orderBy()).containsExactly("lastmodifieddate", "id");
  }

  @Test
  void parsesTheConnectorsLinesQuery() throws Exception {
    SuiteQlQuery query =
        SuiteQlQuery.parse(
            SuiteQlEntity.PURCHASE_ORDER_LINE.byIds(
                "transaction", List.of("10001", "10002"), "transaction, linesequencenumber"));

    assertThat(query.where()).contains(new SuiteQlQuery.In("transaction", List.of(10001L, 10002L)));
    assertThat(query.select()).contains(new SuiteQlQuery.Plain("transaction"));
  }

  @Test
  void refusesWhatTheGrammarLacks() {
    for (String text :
        List.of(
            "SELECT * FROM transaction",
            "SELECT id FROM transaction WHERE id LIKE '1%'",
            "SELECT id FROM transaction; DROP TABLE x",
            "SELECT id FROM transaction WHERE lastmodifieddate > '2025'",
            "SELECT id, FROM vendor",
            "DELETE FROM vendor")) {
      assertThatThrownBy(() -> SuiteQlQuery.parse(text))
          .as(text)
          .isInstanceOf(SuiteQlQuery.Rejected.class)
          .hasMessageStartingWith("Invalid search query.");
    }
  }

  @Test
  void refusesAColumnTheTableDoesNotExpose() throws Exception {
    SuiteQlEngine engine =
        new SuiteQlEngine(
            new SandboxData(NetSuiteSandboxConfig.defaults().withPurchaseOrders(5)),
            java.time.ZoneOffset.UTC);

    assertThatThrownBy(
            () -> engine.run(SuiteQlQuery.parse("SELECT id, password FROM vendor"), 10, 0, 0))
        .isInstanceOf(SuiteQlQuery.Rejected.class)
        .hasMessageContaining("Field 'password' for record 'vendor'");
  }
}
