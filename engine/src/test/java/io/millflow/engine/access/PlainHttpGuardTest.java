package io.millflow.engine.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainHttpGuardTest {

  @Test
  void plainHttpOnLoopbackIsFine() {
    assertThat(PlainHttpGuard.problem("127.0.0.1", false, "enabled", false)).isEmpty();
    assertThat(PlainHttpGuard.problem("localhost", false, "enabled", false)).isEmpty();
    assertThat(PlainHttpGuard.problem("::1", false, "enabled", false)).isEmpty();
  }

  @Test
  void plainHttpOnEveryInterfaceIsRefusedSayingHowToFixIt() {
    assertThat(PlainHttpGuard.problem("0.0.0.0", false, "enabled", false))
        .get()
        .asString()
        .contains("quarkus.http.ssl.certificate.files", "millflow.security.allow-plain-http");
  }

  @Test
  void httpsWithPlainRequestsDisabledOrRedirectedIsFine() {
    assertThat(PlainHttpGuard.problem("0.0.0.0", true, "disabled", false)).isEmpty();
    assertThat(PlainHttpGuard.problem("0.0.0.0", true, "redirect", false)).isEmpty();
  }

  @Test
  void httpsBesidePlainHttpOnTheNetworkIsStillRefused() {
    assertThat(PlainHttpGuard.problem("0.0.0.0", true, "enabled", false)).isPresent();
  }

  @Test
  void plainHttpAllowedOnPurposeIsFine() {
    assertThat(PlainHttpGuard.problem("0.0.0.0", false, "enabled", true)).isEmpty();
  }
}
