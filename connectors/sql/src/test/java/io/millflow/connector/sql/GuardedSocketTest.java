package io.millflow.connector.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.step.testing.LoopbackGuard;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A driver's socket judges the address it is about to connect to, not the name: a name that passed
 * a check by name but resolved to loopback when the driver connects reaches nothing.
 */
class GuardedSocketTest {

  /** Stands for a DNS answer that changed: a public-looking name, resolved to loopback. */
  private static final String REBOUND = "warehouse.plant.example";

  private ServerSocket server;

  @BeforeEach
  void listen() throws IOException {
    server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    server.setSoTimeout(300);
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  @Test
  void refusesTheAddressANameResolvedToThoughTheNamePassedItsCheck() throws IOException {
    LoopbackGuard guard = LoopbackGuard.refusingLoopback();
    assertThat(guard.refusal("settings.host", URI.create("tcp://" + REBOUND + ":5432"))).isEmpty();

    try (Socket socket = SocketGuards.socket(SocketGuards.key(guard, "settings.host"))) {
      assertThatThrownBy(() -> socket.connect(reboundToLoopback(), 1000))
          .isInstanceOf(OutboundAddressRefused.class)
          .hasMessageContaining("settings.host")
          .hasMessageContaining(REBOUND + ", which resolves to 127.0.0.1")
          .hasMessageContaining("millflow.outbound.allow-hosts");
    }
    assertThatThrownBy(server::accept).isInstanceOf(SocketTimeoutException.class);
  }

  @Test
  void connectsToAnAddressTheGuardAllows() throws IOException {
    LoopbackGuard guard = new LoopbackGuard(Set.of(REBOUND));

    try (Socket socket = SocketGuards.socket(SocketGuards.key(guard, "settings.host"))) {
      socket.connect(reboundToLoopback(), 1000);
      try (Socket accepted = server.accept()) {
        assertThat(accepted.getInetAddress().isLoopbackAddress()).isTrue();
      }
    }
  }

  @Test
  void aKeyThatNamesNoGuardRefusesEveryAddress() throws IOException {
    try (Socket socket = SocketGuards.socket("no-such-guard|settings.host")) {
      assertThatThrownBy(() -> socket.connect(reboundToLoopback(), 1000))
          .isInstanceOf(OutboundAddressRefused.class)
          .hasMessageContaining("cannot be checked");
    }
    assertThatThrownBy(server::accept).isInstanceOf(SocketTimeoutException.class);
  }

  private InetSocketAddress reboundToLoopback() throws IOException {
    return new InetSocketAddress(
        InetAddress.getByAddress(REBOUND, new byte[] {127, 0, 0, 1}), server.getLocalPort());
  }
}
