package io.millflow.step.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import org.junit.jupiter.api.Test;

class ObservedHttpClientTest {

  @Test
  void handsBackTheClientItselfWhereNoRuntimeWatchesCalls() {
    HttpClient client = HttpClient.newHttpClient();

    assertThat(ObservedHttpClient.of(client)).isSameAs(client);
  }
}
