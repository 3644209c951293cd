package io.millflow.connector.sql;

import io.millflow.step.DatasetRef;
import io.millflow.step.Param;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * The input of every SQL write step ({@code postgres.write}, {@code mysql.write}, {@code
 * snowflake.write}): the same fields, checks and template in every database. Example: {@code
 * {"connection": "warehouse", "records": "=orders"}}.
 */
public record SqlWriteInput(
    @Param(label = "Connection", description = "A connection of the step's database") @NotBlank
        String connection,
    @Param(
            label = "Table",
            description = "table or schema.table; empty: named after the records' entity")
        @Pattern(
            regexp = TableName.PATTERN,
            message = "must be table or schema.table (letters, digits, underscores)")
        String table,
    @Param(label = "Mode", defaultValue = "upsert") WriteMode mode,
    @Param(
            label = "Key fields",
            description = "Comma-separated fields identifying a record; empty: the entity's key")
        @Pattern(regexp = WriteTarget.KEY_FIELDS, message = "must be comma-separated field names")
        String keyFields,
    @Param(label = "Records", description = "The dataset to write, e.g. =orders") @NotNull @Valid
        DatasetRef records) {}
