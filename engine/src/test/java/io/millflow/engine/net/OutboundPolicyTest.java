package io.millflow.engine.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * By default a user-given host that is or resolves to loopback, link-local or the unspecified
 * address is refused with a message naming the setting; private ranges are allowed unless switched
 * off; an allow-listed host is allowed whatever it resolves to.
 */
class OutboundPolicyTest {

  private final OutboundPolicy defaults = new OutboundPolicy(true, List.of());

  @Test
  void refusesLoopbackNamingTheAllowListSetting() {
    assertThat(defaults.refusal("settings.baseUrl", "127.0.0.1"))
        .hasValueSatisfying(
            message ->
                assertThat(message)
                    .contains("settings.baseUrl", "loopback", "millflow.outbound.allow-hosts"));
    assertThat(defaults.refusal("url", "[::1]")).isPresent();
    assertThat(defaults.refusal("url", "127.1.2.3")).isPresent();
  }

  @Test
  void refusesTheCloudMetadataAddressAndOtherLinkLocalOnes() {
    assertThat(defaults.refusal("url", "169.254.169.254"))
        .hasValueSatisfying(message -> assertThat(message).contains("link-local"));
    assertThat(defaults.refusal("url", "[fe80::1]")).isPresent();
  }

  @Test
  void refusesTheUnspecifiedAddress() {
    assertThat(defaults.refusal("url", "0.0.0.0")).isPresent();
    assertThat(defaults.refusal("url", "[::]")).isPresent();
  }

  @Test
  void refusesANameThatResolvesToLoopbackSayingWhatItResolvedTo() {
    assertThat(defaults.refusal("url", "localhost"))
        .hasValueSatisfying(
            message -> assertThat(message).contains("localhost, which resolves to"));
  }

  @Test
  void allowsPrivateAndPublicAddressesByDefault() {
    assertThat(defaults.refusal("url", "10.1.2.3")).isEmpty();
    assertThat(defaults.refusal("url", "192.168.0.10")).isEmpty();
    assertThat(defaults.refusal("url", "93.184.216.34")).isEmpty();
  }

  @Test
  void refusesPrivateAddressesWhenSwitchedOffNamingThatSetting() {
    OutboundPolicy strict = new OutboundPolicy(false, List.of());

    assertThat(strict.refusal("url", "10.1.2.3"))
        .hasValueSatisfying(
            message -> assertThat(message).contains("millflow.outbound.allow-private"));
    assertThat(strict.refusal("url", "[fd00::5]")).isPresent();
    assertThat(strict.refusal("url", "93.184.216.34")).isEmpty();
  }

  @Test
  void allowsAllowListedHostsWhateverTheyResolveTo() {
    OutboundPolicy sandbox =
        new OutboundPolicy(false, List.of("127.0.0.1", "LOCALHOST", "169.254.169.254", "::1"));

    assertThat(sandbox.refusal("url", "127.0.0.1")).isEmpty();
    assertThat(sandbox.refusal("url", "localhost")).isEmpty();
    assertThat(sandbox.refusal("url", "169.254.169.254")).isEmpty();
    assertThat(sandbox.refusal("url", "[::1]")).isEmpty();
    assertThat(sandbox.refusal("url", "127.0.0.2")).isPresent();
  }

  @Test
  void judgesTheAddressADriverResolvedNotTheName() throws Exception {
    String rebound = "warehouse.plant.example"; // passes by name: it resolves to nothing here
    InetAddress loopback = InetAddress.getByAddress(rebound, new byte[] {127, 0, 0, 1});
    InetAddress metadata =
        InetAddress.getByAddress(
            rebound, new byte[] {(byte) 169, (byte) 254, (byte) 169, (byte) 254});

    assertThat(defaults.refusal("settings.host", rebound)).isEmpty();
    assertThat(defaults.refusal("settings.host", rebound, loopback, 5432))
        .hasValueSatisfying(
            message ->
                assertThat(message)
                    .contains(
                        "settings.host",
                        rebound + ", which resolves to 127.0.0.1",
                        "loopback",
                        "millflow.outbound.allow-hosts"));
    assertThat(defaults.refusal("settings.host", rebound, metadata, -1))
        .hasValueSatisfying(message -> assertThat(message).contains("link-local"));
  }

  @Test
  void allowsAResolvedAddressByItsHostAsWrittenButNeverTheStateStore() throws Exception {
    int store = 54_321;
    OutboundPolicy tests =
        new OutboundPolicy(
            true,
            List.of("localhost"),
            new OwnEndpoints(Set::of, () -> Optional.of(store), List.of()));
    InetAddress loopback = InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});

    assertThat(tests.refusal("settings.host", "localhost", loopback, store + 1)).isEmpty();
    assertThat(tests.refusal("settings.host", "other.example", loopback, store + 1)).isPresent();
    assertThat(tests.refusal("settings.host", "localhost", loopback, store))
        .hasValueSatisfying(message -> assertThat(message).contains("state store"));
  }
}
