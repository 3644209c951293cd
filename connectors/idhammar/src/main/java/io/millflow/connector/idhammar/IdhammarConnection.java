package io.millflow.connector.idhammar;

import io.millflow.step.ConnectionKind;
import io.millflow.step.ConnectionType;
import io.millflow.step.HttpUrl;
import io.millflow.step.HttpUrls;
import io.millflow.step.Param;
import io.millflow.step.Secret;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;

/** An Idhammar OEE connection. {@link #toString()} hides the token. */
@ConnectionType(IdhammarSteps.SYSTEM)
public record IdhammarConnection(
    @Param(
            label = "Instance URL",
            example = "https://oee.example.com",
            description = "The server, without /api/v1")
        @NotNull
        @HttpUrl
        URI baseUrl,
    @Param(label = "Site id", description = "Read only this site's machines, events and periods")
        String siteId,
    @Param(
            label = "Calls per minute",
            defaultValue = "600",
            description = "The API's limit per token; 0 turns client-side pacing off")
        @Min(0)
        int rateLimitPerMinute,
    @Param(label = "Timeout (seconds)", defaultValue = "60", description = "Per call") @Min(1)
        int timeoutSeconds,
    @Param(label = "API token", description = "Sent as a bearer token") @Secret @NotBlank
        String apiToken) {

  public IdhammarConnection {
    baseUrl = HttpUrls.withoutTrailingSlash(baseUrl);
  }

  @Override
  public String toString() {
    return ConnectionKind.describeAny(this);
  }
}
