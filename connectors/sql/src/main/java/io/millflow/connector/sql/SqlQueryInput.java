package io.millflow.connector.sql;

import io.millflow.step.Param;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.util.Map;

/**
 * The input of every SQL query step ({@code postgres.query}, {@code mysql.query}, {@code
 * snowflake.query}). Values only ever reach the statement as bound parameters. For incremental
 * reads the statement compares with {@code :cursor}, e.g. {@code SELECT * FROM orders WHERE
 * updated_at > :cursor ORDER BY updated_at}, with {@code cursorColumn: updated_at} and the first
 * run's start in {@code parameters.cursor}.
 */
public record SqlQueryInput(
    @Param(label = "Connection", description = "A connection of the step's database") @NotBlank
        String connection,
    @Param(
            label = "SQL",
            description = "SELECT or WITH; values as :name parameters, never in the text")
        @NotBlank
        String sql,
    @Param(
            label = "Parameters",
            description = "Values of the statement's :name parameters, by name")
        Map<String, Object> parameters,
    @Param(
            label = "Cursor column",
            description = "Result column whose greatest value becomes the next cursor")
        String cursorColumn,
    @Param(
            label = "Cursor after",
            description = "Bound as :cursor; empty: the last completed run's cursor",
            cursor = true)
        String cursorAfter,
    @Param(label = "Max rows", description = "Stop after this many rows; empty: all") @Positive
        Integer maxRows) {}
