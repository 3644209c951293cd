package io.millflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.engine.store.StateStore;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Nothing of the runtime listens beyond loopback: no engine gateway (the in-memory Zeebe's gRPC
 * port accepted anyone on every interface), the API on loopback by default, the sandboxes and the
 * state store on loopback only.
 */
@QuarkusTest
class ListeningSocketsTest {

  @Inject StateStore store;

  @Test
  void everySocketTheRuntimeListensOnIsLoopback() throws IOException {
    Path proc = Path.of("/proc/self/net/tcp");
    Assumptions.assumeTrue(Files.isReadable(proc), "needs Linux /proc");
    Set<String> ownSockets = ownSocketInodes();
    List<String> listening = new ArrayList<>();
    for (String table : List.of("/proc/self/net/tcp", "/proc/self/net/tcp6")) {
      for (String line :
          Files.readAllLines(Path.of(table))
              .subList(1, Files.readAllLines(Path.of(table)).size())) {
        String[] f = line.trim().split("\\s+");
        if ("0A".equals(f[3]) && ownSockets.contains(f[9])) { // 0A: LISTEN
          listening.add(f[1]);
        }
      }
    }

    assertThat(listening)
        .isNotEmpty()
        .allSatisfy(
            address ->
                assertThat(isLoopback(address))
                    .as("listening address %s (hex, as in /proc/net/tcp) is loopback", address)
                    .isTrue());
  }

  @Test
  void theStateStoreListensOnLoopbackOnly() {
    Assumptions.assumeTrue(
        store.embeddedServer().isPresent(), "an external state store is configured");
    String addresses =
        store
            .jdbi()
            .withHandle(h -> h.createQuery("show listen_addresses").mapTo(String.class).one());
    assertThat(addresses.split(","))
        .allSatisfy(a -> assertThat(a.trim()).isIn("localhost", "127.0.0.1", "::1"));
  }

  private static Set<String> ownSocketInodes() throws IOException {
    Set<String> inodes = new HashSet<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      for (Path fd : fds.toList()) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:[")) {
            inodes.add(target.substring(8, target.length() - 1));
          }
        } catch (IOException e) {
          // closed meanwhile
        }
      }
    }
    return inodes;
  }

  /**
   * {@code 0100007F:1F90} (127.0.0.1) or the IPv6 loopback / IPv4-mapped loopback, as
   * /proc/net/tcp{,6} write them.
   */
  private static boolean isLoopback(String hexAddressAndPort) {
    String hex = hexAddressAndPort.substring(0, hexAddressAndPort.indexOf(':'));
    if (hex.length() == 8) {
      return hex.endsWith("7F");
    }
    return hex.equals("00000000000000000000000001000000")
        || hex.equals("0000000000000000FFFF00000100007F");
  }
}
