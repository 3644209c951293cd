package io.millflow.connector.mysql;

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
 * A MySQL or MariaDB connection: a JDBC URL, or host, port and database, and Connector/J's TLS
 * options (anything else goes into the JDBC URL). {@link #toString()} hides the passwords.
 */
@ConnectionType(MySqlDataSources.TYPE)
public record MySqlConnection(
    @Param(label = "Host", example = "db.example.com", description = "Or a JDBC URL instead")
        String host,
    @Param(label = "Port", defaultValue = "3306") @Min(1) @Max(65_535) int port,
    @Param(label = "Database", description = "Or a JDBC URL instead") String database,
    @Param(
            label = "JDBC URL",
            example = "jdbc:mysql://db.example.com:3306/warehouse",
            description = "Instead of host, port and database")
        String jdbcUrl,
    @Param(label = "Pool size", defaultValue = "5") @Min(1) @Max(100) int poolSize,
    @Param(label = "TLS mode", description = "Connector/J sslMode, e.g. VERIFY_IDENTITY")
        String sslMode,
    @Param(label = "TLS versions") String tlsVersions,
    @Param(label = "Trust store URL") String trustCertificateKeyStoreUrl,
    @Param(label = "Trust store type") String trustCertificateKeyStoreType,
    @Param(label = "Client key store URL") String clientCertificateKeyStoreUrl,
    @Param(label = "Client key store type") String clientCertificateKeyStoreType,
    @Param(label = "User") @Credential @NotBlank String username,
    @Param(label = "Password") @Secret String password,
    @Param(label = "Trust store password") @Secret String trustCertificateKeyStorePassword,
    @Param(label = "Client key store password") @Secret String clientCertificateKeyStorePassword)
    implements JdbcServer {

  @Override
  public String toString() {
    return ConnectionKind.describeAny(this);
  }
}
