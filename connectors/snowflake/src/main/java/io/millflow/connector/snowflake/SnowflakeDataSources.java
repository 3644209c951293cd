package io.millflow.connector.snowflake;

import io.millflow.connector.sql.ConnectionPools;
import io.millflow.connector.sql.SqlDataSources;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Connection pools of Snowflake connections ({@code type: snowflake}); settings as {@link
 * SnowflakeSettings} reads.
 */
@Singleton
public final class SnowflakeDataSources extends SqlDataSources {

  public static final String TYPE = "snowflake";

  public SnowflakeDataSources() {
    super(
        new ConnectionPools(
            Clock.systemUTC(),
            ConnectionPools.DEFAULT_IDLE_EVICTION,
            SnowflakeSettings::hikariConfig,
            (error, connection) ->
                SnowflakeErrors.translate(error, connection.name(), "connecting")));
  }
}
