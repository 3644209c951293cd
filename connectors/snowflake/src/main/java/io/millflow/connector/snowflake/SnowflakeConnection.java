package io.millflow.connector.snowflake;

import io.millflow.step.ConnectionKind;
import io.millflow.step.ConnectionType;
import io.millflow.step.Credential;
import io.millflow.step.Param;
import io.millflow.step.Secret;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * A Snowflake connection: an account (or a JDBC URL), the objects to use, and a user signing in
 * with a password or a key pair. {@link #toString()} hides the password, the key and its
 * passphrase.
 */
@ConnectionType(SnowflakeDataSources.TYPE)
public record SnowflakeConnection(
    @Param(
            label = "Account identifier",
            example = "myorg-myaccount",
            description = "Or https://myorg-myaccount.snowflakecomputing.com")
        String account,
    @Param(
            label = "JDBC URL",
            example = "jdbc:snowflake://myorg-myaccount.snowflakecomputing.com/",
            description = "Instead of the account")
        String jdbcUrl,
    @Param(label = "Warehouse") String warehouse,
    @Param(label = "Database") String database,
    @Param(label = "Schema", defaultValue = "PUBLIC") String schema,
    @Param(label = "Role") String role,
    @Param(label = "Pool size", defaultValue = "3") @Min(1) @Max(50) int poolSize,
    @Param(label = "User") @Credential @NotBlank String username,
    @Param(label = "Password", description = "Or a private key") @Secret String password,
    @Param(label = "Private key (PEM)", description = "PKCS#8, for key-pair authentication") @Secret
        String privateKey,
    @Param(label = "Private key passphrase") @Secret String privateKeyPassphrase) {

  @Override
  public String toString() {
    return ConnectionKind.describeAny(this);
  }
}
