package io.millflow.connector.plex;

import io.millflow.step.ConnectionKind;
import io.millflow.step.ConnectionType;
import io.millflow.step.Credential;
import io.millflow.step.HttpUrl;
import io.millflow.step.HttpUrls;
import io.millflow.step.Param;
import io.millflow.step.Secret;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;

/**
 * A Plex connection: Plex Connect (REST, an API key) and, optionally, the legacy Data Source API (a
 * web-service account). {@link #toString()} hides the key and the password.
 */
@ConnectionType("plex")
public record PlexConnection(
    @Param(
            label = "Instance URL",
            example = "https://connect.plex.com",
            description = "Plex Connect, or its test.* host for a test tenant")
        @NotNull
        @HttpUrl
        URI baseUrl,
    @Param(label = "Tenant id", description = "Only to use a tenant other than the key's own")
        String tenantId,
    @Param(label = "Customer id", description = "Only to use a customer other than the key's own")
        String customerId,
    @Param(
            label = "Calls per minute",
            defaultValue = "200",
            description = "Plex's limit per key; 0 turns client-side pacing off")
        @Min(0)
        int rateLimitPerMinute,
    @Param(
            label = "Timeout (seconds)",
            defaultValue = "60",
            description = "Per call, of either API")
        @Min(1)
        int timeoutSeconds,
    @Param(
            label = "API key",
            description =
                "The Consumer Key of your app in the Plex developer portal; the Plex"
                    + " Connect steps need it, the Data Source API does not")
        @Secret
        String apiKey,
    @Param(
            label = "Data source URL",
            example = "https://cloud.plex.com",
            description = "The classic Data Source API; leave empty if unused")
        @HttpUrl
        URI dataSourceBaseUrl,
    @Param(label = "Data source user", description = "A Plex web-service account") @Credential
        String username,
    @Param(label = "Data source password") @Secret String password) {

  public PlexConnection {
    baseUrl = HttpUrls.withoutTrailingSlash(baseUrl);
    dataSourceBaseUrl = HttpUrls.withoutTrailingSlash(dataSourceBaseUrl);
  }

  @Override
  public String toString() {
    return ConnectionKind.describeAny(this);
  }
}
