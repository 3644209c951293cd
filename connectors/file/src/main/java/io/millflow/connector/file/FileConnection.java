package io.millflow.connector.file;

import io.millflow.step.ConnectionKind;
import io.millflow.step.ConnectionType;
import io.millflow.step.Param;
import jakarta.validation.constraints.NotBlank;

/**
 * A {@code file} connection: the directory its steps are confined to, inside the tenant's roots.
 */
@ConnectionType(BaseDirectory.TYPE)
public record FileConnection(
    @Param(
            label = "Base directory",
            example = "/data/files",
            description = "Inside the tenant's file roots; a relative one resolves under the first")
        @NotBlank
        String baseDirectory,
    @Param(
            label = "Read only",
            defaultValue = "false",
            description = "Refuse every write into the directory")
        boolean readOnly) {

  @Override
  public String toString() {
    return ConnectionKind.describeAny(this);
  }
}
