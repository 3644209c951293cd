package io.millflow.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactionTest {

  private static final String VALUE = "p\u00e4ss w/\"rd&x=1";
  private final Redaction redaction = Redaction.of(Map.of("db", VALUE));

  @Test
  void replacesTheValueByItsReference() {
    assertThat(redaction.apply("ERROR: invalid input syntax for type integer: \"" + VALUE + "\""))
        .isEqualTo("ERROR: invalid input syntax for type integer: \"{{secrets.db}}\"");
  }

  @Test
  void replacesTheValueAsJsonUrlAndBase64EncodingsEchoIt() {
    String base64 = Base64.getEncoder().encodeToString(VALUE.getBytes(StandardCharsets.UTF_8));
    String urlSafe =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(VALUE.getBytes(StandardCharsets.UTF_8));
    String form = URLEncoder.encode(VALUE, StandardCharsets.UTF_8);
    String text =
        String.join(
            " | ",
            "{\"password\":\"p\u00e4ss w/\\\"rd&x=1\"}",
            "{\"password\":\"p\\u00E4ss w/\\\"rd&x=1\"}",
            "GET /login?password=" + form,
            "GET /login?password=" + form.replace("+", "%20"),
            "Basic " + base64,
            urlSafe);

    String redacted = redaction.apply(text);

    assertThat(redacted)
        .doesNotContain(VALUE, form, base64.replace("=", ""), urlSafe, "p\u00e4ss", "p\\u00E4ss")
        .contains("GET /login?password={{secrets.db}}");
  }

  @Test
  void hidesTheLongerOfTwoSecretsWholeWhenOneContainsTheOther() {
    Redaction both = Redaction.of(Map.of("short", "token-1", "long", "token-1-extended"));

    assertThat(both.apply("a token-1-extended and a token-1"))
        .isEqualTo("a {{secrets.long}} and a {{secrets.short}}");
  }

  @Test
  void replacesTextsInsideOutputValuesAndLeavesOtherValuesAlone() {
    Map<String, Object> output = Map.of("echo", List.of("x " + VALUE, 12), VALUE, true);

    assertThat(redaction.applyToValues(output))
        .isEqualTo(Map.of("echo", List.of("x {{secrets.db}}", 12), "{{secrets.db}}", true));
  }

  @Test
  void anEmptySecretHidesNothing() {
    Redaction empty = Redaction.of(Map.of("blank", ""));

    assertThat(empty.apply("nothing to hide")).isEqualTo("nothing to hide");
    assertThat(Redaction.NONE.apply(null)).isNull();
  }

  @Test
  void aShortSecretIsHiddenAsItselfButNotByItsBase64() {
    Redaction pin = Redaction.of(Map.of("pin", "4711"));

    assertThat(pin.apply("pin 4711, NDcxMQ")).isEqualTo("pin {{secrets.pin}}, NDcxMQ");
  }
}
