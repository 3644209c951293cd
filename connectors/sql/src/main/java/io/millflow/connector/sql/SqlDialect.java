package io.millflow.connector.sql;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What differs between the SQL databases Millflow writes to, as far as the shared code is
 * concerned: how names are quoted, what each {@link ColumnType} is called, and which schema
 * statements have an {@code IF NOT EXISTS} form. The statements themselves (upserts, staging) stay
 * in each connector's own {@code sql/} resources.
 */
public sealed interface SqlDialect
    permits SqlDialect.Postgres, SqlDialect.MySql, SqlDialect.Snowflake {

  SqlDialect POSTGRES = new Postgres();
  SqlDialect MYSQL = new MySql();
  SqlDialect SNOWFLAKE = new Snowflake();

  /** The character that delimits a quoted identifier. */
  char quoteChar();

  /**
   * The SQL type of a column; {@code key} is true for a primary-key column (MySQL cannot index
   * unbounded text).
   */
  String typeName(ColumnType type, boolean key);

  /** Whether {@code CREATE TABLE IF NOT EXISTS} exists. */
  boolean createTableIfNotExists();

  /**
   * Whether {@code ALTER TABLE ... ADD COLUMN IF NOT EXISTS} exists; without it, callers look the
   * columns up first.
   */
  boolean addColumnIfNotExists();

  /**
   * The name, quoted, with the quote character doubled inside it. Names are checked by {@link
   * Identifiers} before they get here; quoting is the second fence.
   */
  default String quote(String name) {
    String q = String.valueOf(quoteChar());
    return q + name.replace(q, q + q) + q;
  }

  /** {@code "a", "b", "c"}. */
  default String list(List<String> names) {
    return names.stream().map(this::quote).collect(Collectors.joining(", "));
  }

  /** {@code t."a", t."b"}: columns of a table alias. */
  default String list(String alias, List<String> names) {
    return names.stream().map(name -> alias + "." + quote(name)).collect(Collectors.joining(", "));
  }

  /** {@code "name" type}, as in CREATE TABLE and ADD COLUMN. */
  default String definition(Column<?> column, boolean key) {
    return quote(column.name()) + " " + typeName(column.type(), key);
  }

  /** PostgreSQL: arbitrary-precision numeric, timestamptz, jsonb. */
  record Postgres() implements SqlDialect {
    @Override
    public char quoteChar() {
      return '"';
    }

    @Override
    public String typeName(ColumnType type, boolean key) {
      return switch (type) {
        case TEXT -> "text";
        case INTEGER -> "integer";
        case BIGINT -> "bigint";
        case DECIMAL -> "numeric";
        case BOOLEAN -> "boolean";
        case TIMESTAMP -> "timestamptz";
        case JSON -> "jsonb";
        case SYNC_TIME -> "timestamptz NOT NULL DEFAULT now()";
      };
    }

    @Override
    public boolean createTableIfNotExists() {
      return true;
    }

    @Override
    public boolean addColumnIfNotExists() {
      return true;
    }
  }

  /**
   * MySQL (and MariaDB): DATETIME(6) holding UTC (the connection's session time zone is UTC),
   * DECIMAL(38,10), JSON. Key text columns are VARCHAR(255): InnoDB indexes at most 3072 bytes, and
   * utf8mb4 takes up to 4 bytes a character.
   */
  record MySql() implements SqlDialect {
    @Override
    public char quoteChar() {
      return '`';
    }

    @Override
    public String typeName(ColumnType type, boolean key) {
      return switch (type) {
        case TEXT -> key ? "VARCHAR(255)" : "TEXT";
        case INTEGER -> "INT";
        case BIGINT -> "BIGINT";
        case DECIMAL -> "DECIMAL(38,10)";
        case BOOLEAN -> "BOOLEAN";
        case TIMESTAMP -> "DATETIME(6)";
        case JSON -> "JSON";
        case SYNC_TIME -> "DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)";
      };
    }

    @Override
    public boolean createTableIfNotExists() {
      return true;
    }

    /** MariaDB has it, MySQL 8 does not: the portable path looks the columns up first. */
    @Override
    public boolean addColumnIfNotExists() {
      return false;
    }
  }

  /**
   * Snowflake: TIMESTAMP_TZ, NUMBER(38,10), VARIANT for JSON. Names are quoted in upper case, the
   * form Snowflake folds unquoted names to, so {@code SELECT order_number FROM purchase_order}
   * finds what Millflow created.
   */
  record Snowflake() implements SqlDialect {
    @Override
    public char quoteChar() {
      return '"';
    }

    @Override
    public String quote(String name) {
      return SqlDialect.super.quote(name.toUpperCase(java.util.Locale.ROOT));
    }

    @Override
    public String typeName(ColumnType type, boolean key) {
      return switch (type) {
        case TEXT -> "VARCHAR";
        case INTEGER -> "NUMBER(10,0)";
        case BIGINT -> "NUMBER(19,0)";
        case DECIMAL -> "NUMBER(38,10)";
        case BOOLEAN -> "BOOLEAN";
        case TIMESTAMP -> "TIMESTAMP_TZ";
        case JSON -> "VARIANT";
        case SYNC_TIME -> "TIMESTAMP_TZ NOT NULL DEFAULT CURRENT_TIMESTAMP()";
      };
    }

    @Override
    public boolean createTableIfNotExists() {
      return true;
    }

    @Override
    public boolean addColumnIfNotExists() {
      return true;
    }
  }
}
