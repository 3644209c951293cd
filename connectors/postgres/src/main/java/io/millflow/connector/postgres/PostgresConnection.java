package io.millflow.connector.postgres;

import io.millflow.connector.sql.JdbcServer;
import io.millflow.step.ConnectionKind;
import io.millflow.step.ConnectionType;
import io.millflow.step.Credential;
import io.millflow.step.Param;
import io.millflow.step.Secret;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * A PostgreSQL connection: a JDBC URL, or host, port and database. {@link #toString()} hides the
 * password.
 */
@ConnectionType(PostgresDataSources.TYPE)
public record PostgresConnection(
    @Param(label = "Host", example = "db.example.com", description = "Or a JDBC URL instead")
        String host,
    @Param(label = "Port", defaultValue = "5432") @Min(1) @Max(65_535) int port,
    @Param(label = "Database", description = "Or a JDBC URL instead") String database,
    @Param(
            label = "JDBC URL",
            example = "jdbc:postgresql://db.example.com:5432/warehouse",
            description = "Instead of host, port and database")
        String jdbcUrl,
    @Param(label = "Schema", defaultValue = "public", description = "Where unqualified tables go")
        String schema,
    @Param(label = "Pool size", defaultValue = "5") @Min(1) @Max(100) int poolSize,
    @Param(label = "User") @Credential @NotBlank String username,
    @Param(label = "Password") @Secret String password)
    implements JdbcServer {

  @Override
  public String toString() {
    return ConnectionKind.describeAny(this);
  }
}
