package io.millflow.connector.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.sql.ColumnType;
import io.millflow.connector.sql.SqlDialect;
import io.millflow.connector.sql.testing.UnifiedWriteContract;
import io.millflow.step.Json;
import java.sql.Timestamp;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.util.PGobject;

/**
 * Every unified entity besides purchase orders on PostgreSQL (the tests are {@link
 * UnifiedWriteContract}'s).
 */
class PostgresWriteUnifiedTest extends UnifiedWriteContract {

  private static final Map<ColumnType, String> TYPES =
      Map.of(
          ColumnType.TEXT,
          "text",
          ColumnType.INTEGER,
          "integer",
          ColumnType.BIGINT,
          "bigint",
          ColumnType.DECIMAL,
          "numeric",
          ColumnType.BOOLEAN,
          "boolean",
          ColumnType.TIMESTAMP,
          "timestamp with time zone",
          ColumnType.JSON,
          "jsonb",
          ColumnType.SYNC_TIME,
          "timestamp with time zone");

  @RegisterExtension static final PostgresWriteDatabase DATABASE = new PostgresWriteDatabase();

  @Override
  protected Sink sink() {
    return DATABASE.fixture();
  }

  @Override
  protected SqlDialect dialect() {
    return SqlDialect.POSTGRES;
  }

  @Override
  protected String reportedType(ColumnType type, boolean key) {
    return TYPES.get(type);
  }

  @Override
  protected Object modelValue(ColumnType type, Object stored) {
    return switch (stored) {
      case null -> null;
      case Timestamp timestamp -> timestamp.toInstant();
      case PGobject json -> json(json.getValue());
      default -> stored;
    };
  }

  private static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
