package io.millflow.connector.mongodb;

import io.millflow.step.ConnectionKind;
import io.millflow.step.ConnectionType;
import io.millflow.step.Credential;
import io.millflow.step.Param;
import io.millflow.step.Secret;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * A MongoDB connection: a connection string, or host and port. {@link #toString()} hides the
 * password.
 */
@ConnectionType(MongoConnections.TYPE)
public record MongoConnection(
    @Param(
            label = "Host",
            example = "mongo.example.com",
            description = "Or a connection string instead")
        String host,
    @Param(label = "Port", defaultValue = "27017") @Min(1) @Max(65_535) int port,
    @Param(
            label = "Connection string",
            example = "mongodb+srv://cluster0.example.net/",
            description = "Instead of host and port; without user or password")
        String connectionString,
    @Param(label = "Database") @NotBlank String database,
    @Param(label = "Authentication database", defaultValue = "admin") String authSource,
    @Param(label = "User") @Credential String username,
    @Param(label = "Password") @Secret String password) {

  @Override
  public String toString() {
    return ConnectionKind.describeAny(this);
  }
}
