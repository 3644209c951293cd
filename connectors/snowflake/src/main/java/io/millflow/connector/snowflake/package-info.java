/**
 * Snowflake write (PUT, COPY INTO a temporary table, MERGE) and query steps over Snowflake JDBC.
 */
package io.millflow.connector.snowflake;
