package io.millflow.connector.mysql;

import io.millflow.connector.sql.ColumnType;
import io.millflow.connector.sql.SqlDialect;
import io.millflow.connector.sql.testing.UnifiedWriteContract;
import io.millflow.step.Json;
import io.millflow.step.WriteResult;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Every unified entity besides purchase orders on MariaDB (the tests are {@link UnifiedWriteContract}'s). MariaDB's
 * JSON is a LONGTEXT alias, so JSON columns report as {@code longtext}; MySQL 8 reports {@code json}.
 */
class MySqlWriteUnifiedTest extends UnifiedWriteContract {

  private static final Map<ColumnType, String> TYPES = Map.of(ColumnType.TEXT, "text", ColumnType.INTEGER, "int(11)",
      ColumnType.BIGINT, "bigint(20)", ColumnType.DECIMAL, "decimal(38,10)", ColumnType.BOOLEAN, "tinyint(1)",
      ColumnType.TIMESTAMP, "datetime(6)", ColumnType.JSON, "longtext", ColumnType.SYNC_TIME, "datetime(6)");

  private static TestDatabase database;
  private static MySqlDataSources dataSources;

  private WriteFixture fixture;

  @BeforeAll
  static void startDatabase() {
    database = TestDatabase.shared();
    dataSources = new MySqlDataSources();
  }

  @AfterAll
  static void closePools() {
    dataSources.close();
  }

  @BeforeEach
  void freshDatabase() {
    fixture = new WriteFixture(database, dataSources, 2);
  }

  @Override
  protected WriteResult write(String entity, List<Record> records) {
    return fixture.write(null, null, null, entity, records);
  }

  @Override
  protected String schema() {
    return fixture.database();
  }

  @Override
  protected SqlDialect dialect() {
    return SqlDialect.MYSQL;
  }

  @Override
  protected List<String> columns(String table) {
    return fixture.columns(table);
  }

  @Override
  protected String reportedType(ColumnType type, boolean key) {
    return key ? "varchar(255)" : TYPES.get(type);
  }

  @Override
  protected List<Map<String, Object>> rows(String sql) {
    return fixture.rows(sql);
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
