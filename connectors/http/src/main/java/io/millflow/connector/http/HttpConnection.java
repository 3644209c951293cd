package io.millflow.connector.http;

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
 * A REST API reached with {@code http.request}: its base URL and how requests sign in. Credentials
 * are sent to the base URL's origin only. {@link #toString()} hides the secrets.
 */
@ConnectionType("http")
public record HttpConnection(
    @Param(
            label = "Base URL",
            example = "https://mes.example.com/api",
            description = "Relative step URLs resolve against it")
        @NotNull
        @HttpUrl
        URI baseUrl,
    @Param(label = "Authentication", defaultValue = "none") HttpAuth auth,
    @Param(
            label = "API key name",
            defaultValue = "X-API-Key",
            description = "The header or query parameter that carries the API key")
        String apiKeyName,
    @Param(label = "API key") @Secret String apiKey,
    @Param(label = "User", description = "For basic authentication") @Credential String username,
    @Param(label = "Password") @Secret String password,
    @Param(label = "Bearer token") @Secret String bearerToken,
    @Param(
            label = "Token URL",
            example = "https://login.example.com/oauth2/token",
            description = "OAuth 2.0 client credentials: where tokens come from")
        @HttpUrl
        URI tokenUrl,
    @Param(label = "Client id") @Credential String clientId,
    @Param(label = "Client secret") @Secret String clientSecret,
    @Param(label = "Scope", description = "Space-separated, when the API asks for one")
        String scope,
    @Param(
            label = "Default headers",
            description = "Sent with every request: one 'Name: value' per line")
        String defaultHeaders,
    @Param(label = "Timeout (seconds)", defaultValue = "30", description = "Per request") @Min(1)
        int timeoutSeconds) {

  public HttpConnection {
    baseUrl = HttpUrls.withoutTrailingSlash(baseUrl);
    auth = auth == null ? HttpAuth.NONE : auth;
  }

  @Override
  public String toString() {
    return ConnectionKind.describeAny(this);
  }
}
