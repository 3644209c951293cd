package io.millflow.step.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxSettingsTest {

  @Test
  void aSettingThatIsSetWinsOverTheSandboxsDefault() {
    SandboxSettings settings = SandboxSettings.of(Map.of("plex-purchase-orders", " 10000 "));

    assertThat(settings.intValue("plex-purchase-orders", 500)).isEqualTo(10_000);
    assertThat(settings.intValue("plex-lines-per-order", 5)).isEqualTo(5);
  }

  @Test
  void aSettingThatIsNoWholeNumberIsRefusedByItsFullName() {
    SandboxSettings settings = SandboxSettings.of(Map.of("plex-port", "eighty"));

    assertThatThrownBy(() -> settings.intValue("plex-port", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("millflow.sandbox.plex-port must be a whole number, not 'eighty'");
  }
}
