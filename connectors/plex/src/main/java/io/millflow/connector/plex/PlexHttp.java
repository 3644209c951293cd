package io.millflow.connector.plex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import io.millflow.step.Json;
import io.millflow.step.RetryableStepException;
import io.millflow.step.StepFailure;
import io.millflow.step.http.CallDeadline;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Sending one call to either Plex API and reading its JSON, with the failures every call shares.
 */
final class PlexHttp {

  /**
   * Plex's decimals as sent ({@code 12.50} stays {@code 12.50}): prices are money, and raw records
   * stay untouched.
   */
  private static final ObjectReader READER =
      Json.mapper().reader().without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);

  private PlexHttp() {}

  /**
   * The answer, whatever its status; no answer at all (network, no answer within {@code timeout},
   * which {@link CallDeadline} enforces: requests carry no timeout of their own) is retryable.
   */
  static HttpResponse<byte[]> send(
      HttpClient http, HttpRequest request, PlexCall call, Duration timeout, URI baseUrl) {
    try {
      return CallDeadline.send(http, request, HttpResponse.BodyHandlers.ofByteArray(), timeout);
    } catch (IOException e) {
      throw PlexErrors.ofNoResponse(call, e, timeout, baseUrl.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetryableStepException("Interrupted during " + call.describe(), e);
    }
  }

  /** A 2xx body as JSON; anything else means the URL setting points somewhere that is not Plex. */
  static JsonNode json(PlexCall call, byte[] body, String exampleUrl, String urlSetting) {
    try {
      return READER.readTree(body);
    } catch (IOException e) {
      throw unexpected(call, "JSON", "a body that is not JSON", exampleUrl, urlSetting);
    }
  }

  static StepFailure unexpected(
      PlexCall call, String expected, String got, String exampleUrl, String urlSetting) {
    return new StepFailure(
        "PLEX_UNEXPECTED_RESPONSE",
        "Plex answered "
            + call.describe()
            + " with "
            + got
            + " where "
            + expected
            + " was expected. Check that the "
            + urlSetting
            + " of connection '"
            + call.connectionName()
            + "' points at Plex ("
            + exampleUrl
            + ").");
  }
}
