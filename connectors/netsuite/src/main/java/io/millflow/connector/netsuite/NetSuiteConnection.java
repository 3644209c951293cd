package io.millflow.connector.netsuite;

import io.millflow.step.ConnectionKind;
import io.millflow.step.ConnectionType;
import io.millflow.step.Credential;
import io.millflow.step.HttpUrl;
import io.millflow.step.Param;
import io.millflow.step.Secret;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.time.ZoneId;

/**
 * A NetSuite connection, signing in with one of two methods: {@code m2m}, OAuth 2.0 client
 * credentials with a PS256 client assertion, or {@code tba}, token-based auth (OAuth 1.0a). {@link
 * #toString()} hides every secret.
 */
@ConnectionType("netsuite")
public record NetSuiteConnection(
    @Param(label = "Account id", example = "1234567 or 1234567_SB1") @NotBlank String accountId,
    @Param(
            label = "Instance URL",
            example = "https://1234567.suitetalk.api.netsuite.com",
            description = "Empty: the account's SuiteTalk host; a sandbox's URL")
        @HttpUrl
        URI baseUrl,
    @Param(label = "OAuth scope", defaultValue = "rest_webservices") @NotBlank String scope,
    @Param(
            label = "Requests in flight",
            defaultValue = "5",
            description = "Per account, in this runtime; NetSuite limits concurrency per account")
        @Min(1)
        int maxConcurrency,
    @Param(label = "Timeout (seconds)", defaultValue = "60", description = "Per call") @Min(1)
        int timeoutSeconds,
    @Param(
            label = "Time zone",
            defaultValue = "UTC",
            description = "The zone SuiteQL writes datetimes in")
        ZoneId timeZone,
    @Param(
            label = "SuiteQL result limit",
            defaultValue = "100000",
            description = "NetSuite's ceiling of rows one query can page through")
        @Min(1)
        int suiteQlResultLimit,
    @Param(label = "Client id", description = "Consumer key of the integration record")
        @Credential(signIn = "m2m")
        String clientId,
    @Param(label = "Certificate id", description = "From the M2M setup") @Credential(signIn = "m2m")
        String certificateId,
    @Param(
            label = "Private key (PEM)",
            description = "The private.pem whose certificate you mapped in NetSuite")
        @Secret(signIn = "m2m")
        String privateKey,
    @Param(label = "Consumer key") @Secret(signIn = "tba") String consumerKey,
    @Param(label = "Consumer secret") @Secret(signIn = "tba") String consumerSecret,
    @Param(label = "Token id") @Secret(signIn = "tba") String tokenId,
    @Param(label = "Token secret") @Secret(signIn = "tba") String tokenSecret) {

  @Override
  public String toString() {
    return ConnectionKind.describeAny(this);
  }
}
