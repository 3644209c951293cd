package io.millflow.connector.mysql;

import io.millflow.connector.sql.ColumnType;
import io.millflow.connector.sql.SqlDialect;
import io.millflow.connector.sql.testing.UnifiedWriteContract;
import io.millflow.step.Json;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every unified entity besides purchase orders on MariaDB (the tests are {@link
 * UnifiedWriteContract}'s). MariaDB's JSON is a LONGTEXT alias, so JSON columns report as {@code
 * longtext}; MySQL 8 reports {@code json}.
 */
class MySqlWriteUnifiedTest extends UnifiedWriteContract {

  private static final Map<ColumnType, String> TYPES =
      Map.of(
          ColumnType.TEXT,
          "text",
          ColumnType.INTEGER,
          "int(11)",
          ColumnType.BIGINT,
          "bigint(20)",
          ColumnType.DECIMAL,
          "decimal(38,10)",
          ColumnType.BOOLEAN,
          "tinyint(1)",
          ColumnType.TIMESTAMP,
          "datetime(6)",
          ColumnType.JSON,
          "longtext",
          ColumnType.SYNC_TIME,
          "datetime(6)");

  @RegisterExtension static final MySqlWriteDatabase DATABASE = new MySqlWriteDatabase();

  @Override
  protected Sink sink() {
    return DATABASE.fixture();
  }

  @Override
  protected SqlDialect dialect() {
    return SqlDialect.MYSQL;
  }

  @Override
  protected String reportedType(ColumnType type, boolean key) {
    return key ? "varchar(255)" : TYPES.get(type);
  }

  @Override
  protected Object modelValue(ColumnType type, Object stored) {
    if (stored == null) {
      return null;
    }
    return switch (type) {
      case TIMESTAMP -> ((LocalDateTime) stored).toInstant(ZoneOffset.UTC);
      case JSON -> Json.mapper().valueToTree(parse((String) stored));
      default -> stored;
    };
  }

  private static Object parse(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
