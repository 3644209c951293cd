package io.millflow.connector.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.connector.sql.Identifiers;
import io.millflow.connector.sql.SqlDialect;
import io.millflow.connector.sql.TableName;
import io.millflow.step.StepFailure;
import org.junit.jupiter.api.Test;

/** Names that reach SQL text: parsed, folded, quoted; anything else is refused. */
class TableNameTest {

  @Test
  void foldsNamesToLowerCaseLikeUnquotedSql() {
    assertThat(TableName.parse(" Sales.Purchase_Orders ", "public"))
        .isEqualTo(new TableName("sales", "purchase_orders"));
    assertThat(TableName.parse("orders", "erp").quoted(SqlDialect.POSTGRES))
        .isEqualTo("\"erp\".\"orders\"");
  }

  @Test
  void refusesAnythingButPlainNames() {
    for (String text :
        new String[] {"orders;drop", "a.b.c", "9lives", "x\".\"y", "", "a".repeat(64)}) {
      assertThatThrownBy(() -> TableName.parse(text, "public"))
          .isInstanceOf(StepFailure.class)
          .extracting(e -> ((StepFailure) e).code())
          .isEqualTo("INVALID_TABLE");
    }
  }

  @Test
  void namesColumnsAndDefaultTablesInSnakeCase() {
    assertThat(Identifiers.snakeCase("purchaseOrder")).isEqualTo("purchase_order");
    assertThat(Identifiers.snakeCase("plex.purchaseOrder")).isEqualTo("plex_purchase_order");
    assertThat(Identifiers.snakeCase("OrderID")).isEqualTo("order_id");
    assertThat(Identifiers.snakeCase("HTTPStatus")).isEqualTo("http_status");
    assertThat(Identifiers.snakeCase("line1")).isEqualTo("line1");
    assertThat(Identifiers.snakeCase("2ndShift")).isEqualTo("_2nd_shift");
    assertThat(SqlDialect.POSTGRES.quote("odd\"name")).isEqualTo("\"odd\"\"name\"");
  }
}
