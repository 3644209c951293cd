package io.millflow.engine.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InboxHeadersTest {

  private static final Map<String, String> REQUEST =
      Map.of(
          "authorization",
          "Bearer abc",
          "cookie",
          "s=1",
          "proxy-authorization",
          "Basic x",
          "x-api-key",
          "k",
          "x-signature",
          "sig",
          "content-type",
          "application/json",
          "x-site",
          "plant-1",
          "x-kind",
          "order",
          "x-event-id",
          "e1",
          "x-unread",
          "u");

  @Test
  void keepsWhatConditionsVariablesAndTheEventIdRead() {
    InboxHeaders headers =
        InboxHeaders.of(
            trigger(
                "header:X-Event-Id",
                new Route(
                    "get value(headers, \"x-site\") = \"plant-1\"",
                    "f",
                    null,
                    "{kind: headers.x_kind}"),
                new Route("headers[\"x-kind\"] = \"order\"", "g", null, null)),
            Set.of("Content-Type"));

    assertThat(headers.keep(REQUEST))
        .containsOnlyKeys("content-type", "x-site", "x-kind", "x-event-id");
  }

  @Test
  void neverKeepsCredentialsOrTheSignatureEvenWhenAskedFor() {
    InboxHeaders headers =
        InboxHeaders.of(
            trigger(
                null,
                new Route(
                    "get value(headers, \"authorization\") != null and headers.cookie != null",
                    "f",
                    null,
                    null)),
            Set.of("Proxy-Authorization", "X-Api-Key", "X-Signature"));

    assertThat(headers.keep(REQUEST)).isEmpty();
  }

  @Test
  void aRouteThatDoesNotReadHeadersKeepsOnlyTheAllowList() {
    InboxHeaders headers =
        InboxHeaders.of(
            trigger(null, new Route("body.kind = \"x-site\"", "f", null, null)),
            Set.of("content-type"));

    assertThat(headers.keep(REQUEST)).containsOnlyKeys("content-type");
  }

  private static TriggerDefinition trigger(String eventId, Route... routes) {
    return new TriggerDefinition(
        "t",
        new SignatureScheme.Hmac("X-Signature", null, null, null),
        eventId,
        List.of(routes),
        null,
        null,
        null);
  }
}
