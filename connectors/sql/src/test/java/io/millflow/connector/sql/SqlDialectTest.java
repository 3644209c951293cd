package io.millflow.connector.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What differs per database: quoting and type names; every dialect names every column type. */
class SqlDialectTest {

  @Test
  void quotesNamesWithTheDialectsQuoteDoubledInside() {
    assertThat(SqlDialect.POSTGRES.quote("odd\"name")).isEqualTo("\"odd\"\"name\"");
    assertThat(SqlDialect.MYSQL.quote("odd`name")).isEqualTo("`odd``name`");
    assertThat(SqlDialect.MYSQL.list("t", List.of("key", "status")))
        .isEqualTo("t.`key`, t.`status`");
    assertThat(TableName.of("Plant", "Orders").quoted(SqlDialect.MYSQL))
        .isEqualTo("`plant`.`orders`");
  }

  @Test
  void namesTheTypesOfEachDatabase() {
    assertThat(names(SqlDialect.POSTGRES, false))
        .containsExactly(
            "text",
            "integer",
            "bigint",
            "numeric",
            "boolean",
            "timestamptz",
            "jsonb",
            "timestamptz NOT NULL DEFAULT now()");
    assertThat(names(SqlDialect.MYSQL, false))
        .containsExactly(
            "TEXT",
            "INT",
            "BIGINT",
            "DECIMAL(38,10)",
            "BOOLEAN",
            "DATETIME(6)",
            "JSON",
            "DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)");
    assertThat(names(SqlDialect.SNOWFLAKE, false))
        .containsExactly(
            "VARCHAR",
            "NUMBER(10,0)",
            "NUMBER(19,0)",
            "NUMBER(38,10)",
            "BOOLEAN",
            "TIMESTAMP_TZ",
            "VARIANT",
            "TIMESTAMP_TZ NOT NULL DEFAULT CURRENT_TIMESTAMP()");
  }

  @Test
  void mySqlKeysTextAsBoundedVarchar() {
    assertThat(SqlDialect.MYSQL.typeName(ColumnType.TEXT, true)).isEqualTo("VARCHAR(255)");
    assertThat(SqlDialect.POSTGRES.typeName(ColumnType.TEXT, true)).isEqualTo("text");
    assertThat(SqlDialect.MYSQL.addColumnIfNotExists()).isFalse();
  }

  private static List<String> names(SqlDialect dialect, boolean key) {
    return java.util.Arrays.stream(ColumnType.values())
        .map(type -> dialect.typeName(type, key))
        .toList();
  }
}
