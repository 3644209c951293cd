package io.millflow.step.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.step.ConnectionKind;
import io.millflow.step.ConnectionType;
import io.millflow.step.Param;
import io.millflow.step.Secret;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionSchemaTest {

  enum Mode {
    FAST,
    SAFE
  }

  @ConnectionType("demo")
  record DemoConnection(
      @Param(label = "Instance URL", example = "https://demo.example.com") @NotNull URI baseUrl,
      @Param(label = "Pool size", description = "Connections kept open", defaultValue = "5")
          int poolSize,
      Mode mode,
      Boolean readOnly,
      @Param(label = "API key") @Secret @NotBlank String apiKey) {}

  private final ConnectionSchema schema =
      ConnectionSchema.of(ConnectionKind.of(DemoConnection.class));

  @Test
  void describesEachFieldFromTheRecord() {
    assertThat(schema.type()).isEqualTo("demo");
    assertThat(schema.fields())
        .containsExactly(
            new ConnectionSchema.Field(
                "baseUrl",
                "settings",
                "Instance URL",
                "",
                "url",
                true,
                "",
                "https://demo.example.com",
                List.of(),
                false,
                ""),
            new ConnectionSchema.Field(
                "poolSize",
                "settings",
                "Pool size",
                "Connections kept open",
                "integer",
                false,
                "5",
                "",
                List.of(),
                false,
                ""),
            new ConnectionSchema.Field(
                "mode",
                "settings",
                "Mode",
                "",
                "choice",
                false,
                "",
                "",
                List.of(
                    new ConnectionSchema.Choice("Fast", "fast"),
                    new ConnectionSchema.Choice("Safe", "safe")),
                false,
                ""),
            new ConnectionSchema.Field(
                "readOnly",
                "settings",
                "Read only",
                "",
                "boolean",
                false,
                "",
                "",
                List.of(),
                false,
                ""),
            new ConnectionSchema.Field(
                "apiKey", "credentials", "API key", "", "text", true, "", "", List.of(), true, ""));
  }

  @Test
  void rendersOneSettingsTablePerType() {
    String page = ConnectionDocs.markdown(List.of(schema));

    assertThat(page)
        .contains("## `demo`")
        .contains(
            "| `poolSize` | settings | Pool size | integer |  | `5` | Connections kept open |")
        .contains("| `apiKey` | credentials (secret) | API key | text | yes |  |  |")
        .contains("| `mode` | settings | Mode | choice: `fast`, `safe` |");
  }
}
