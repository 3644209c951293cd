package io.millflow.engine.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.engine.connection.StateStoreGuard.Target;
import io.millflow.step.Connection;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which connections lead to the state store, by every name the machine has, whatever the URL says
 * first.
 */
class StateStoreGuardTest {

  private static final int PORT = 54_321;
  private final StateStoreGuard embedded =
      new StateStoreGuard(List.of(new Target("localhost", PORT, null)));

  @Test
  void refusesTheEmbeddedServerByEveryNameOfThisMachine() throws Exception {
    for (String host :
        List.of(
            "localhost",
            "127.0.0.1",
            "[::1]",
            "127.0.0.2",
            "0.0.0.0",
            InetAddress.getLocalHost().getHostName(),
            ownAddress())) {
      assertThat(embedded.refusal(postgres("jdbc:postgresql://" + host + ":" + PORT + "/millflow")))
          .as(host)
          .hasValueSatisfying(
              problem ->
                  assertThat(problem)
                      .contains("state store")
                      .contains("settings.jdbcUrl")
                      .contains("Point settings.jdbcUrl at"));
    }
  }

  @Test
  void refusesAnyDatabaseOfTheEmbeddedServer() {
    assertThat(embedded.refusal(postgres("jdbc:postgresql://localhost:" + PORT + "/postgres")))
        .isPresent();
    assertThat(embedded.refusal(postgres("jdbc:postgresql://localhost:" + PORT + "/warehouse")))
        .isPresent();
  }

  @Test
  void readsTheUrlAsTheDriverDoes() {
    assertThat(
            embedded.refusal(
                postgres("jdbc:postgresql://192.0.2.1:5432/x?PGHOST=localhost&PGPORT=" + PORT)))
        .as("hosts overridden by the query")
        .isPresent();
    assertThat(
            embedded.refusal(postgres("jdbc:postgresql://192.0.2.1:5432,127.0.0.1:" + PORT + "/x")))
        .as("the second of several hosts")
        .isPresent();
  }

  @Test
  void refusesHostAndPortSettingsNamingThem() {
    Connection byHost =
        new Connection(
            "acme-db",
            "postgres",
            Map.of("host", "::1", "port", String.valueOf(PORT), "database", "millflow"),
            Map.of("username", "postgres"));

    assertThat(embedded.refusal(byHost))
        .hasValueSatisfying(
            problem ->
                assertThat(problem)
                    .contains("'acme-db'")
                    .contains("settings.host and settings.port"));
  }

  @Test
  void refusesAMySqlConnectionToTheSamePort() {
    Connection mysql =
        new Connection(
            "m",
            "mysql",
            Map.of("jdbcUrl", "jdbc:mysql://127.0.0.1:" + PORT + "/x"),
            Map.of("username", "root"));

    assertThat(embedded.refusal(mysql)).isPresent();
  }

  @Test
  void letsOtherServersThrough() {
    assertThat(
            embedded.refusal(postgres("jdbc:postgresql://localhost:" + (PORT + 1) + "/millflow")))
        .isEmpty();
    assertThat(embedded.refusal(postgres("jdbc:postgresql://192.0.2.10:" + PORT + "/millflow")))
        .isEmpty();
    assertThat(
            embedded.refusal(
                new Connection("f", "file", Map.of("baseDirectory", "/tmp"), Map.of())))
        .isEmpty();
    assertThat(embedded.refusal(new Connection("half", "postgres", Map.of(), Map.of()))).isEmpty();
  }

  @Test
  void refusesOnlyTheStateStoresDatabaseOfAnExternalServer() {
    StateStoreGuard external =
        new StateStoreGuard(
            StateStoreGuard.postgresTargets("jdbc:postgresql://127.0.0.1:5432/millflow"));

    assertThat(external.refusal(postgres("jdbc:postgresql://localhost/millflow"))).isPresent();
    assertThat(external.refusal(postgres("jdbc:postgresql://localhost:5432/warehouse"))).isEmpty();
  }

  private static Connection postgres(String jdbcUrl) {
    return new Connection(
        "acme-db", "postgres", Map.of("jdbcUrl", jdbcUrl), Map.of("username", "postgres"));
  }

  /** An address of this machine's own that is not loopback, or loopback when it has none. */
  private static String ownAddress() throws Exception {
    return NetworkInterface.networkInterfaces()
        .flatMap(NetworkInterface::inetAddresses)
        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
        .map(InetAddress::getHostAddress)
        .findFirst()
        .orElse("127.0.0.1");
  }
}
