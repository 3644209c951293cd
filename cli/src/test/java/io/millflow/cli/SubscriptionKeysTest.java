package io.millflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubscriptionKeysTest {

  @Test
  void aSubscriptionIsNamedByItsUrlWithoutTheScheme() {
    assertThat(SubscriptionKeys.of("https://Hooks.example.com/millflow/events?x=1"))
        .isEqualTo("hooks.example.com-millflow-events-x-1");
    assertThat(SubscriptionKeys.of("http://127.0.0.1:9/cli-hook"))
        .isEqualTo("127.0.0.1-9-cli-hook");
  }
}
