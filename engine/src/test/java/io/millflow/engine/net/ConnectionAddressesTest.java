package io.millflow.engine.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.step.Connection;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A tenant's database connections get the whole outbound policy, read as their drivers read them:
 * the state store is refused by every name of this machine even when allow-listed, and loopback,
 * link-local and (when switched off) private servers like any URL's.
 */
class ConnectionAddressesTest {

  private static final int STORE = 54_321;
  private static final List<String> LOOPBACK_ALLOWED = List.of("localhost", "127.0.0.1", "::1");

  private final OutboundAddresses embedded = addresses(true, LOOPBACK_ALLOWED, List.of());

  @Test
  void refusesTheEmbeddedStateStoreByEveryNameOfThisMachineEvenWhenAllowListed() throws Exception {
    for (String host :
        List.of(
            "localhost",
            "127.0.0.1",
            "[::1]",
            "127.0.0.2",
            "0.0.0.0",
            InetAddress.getLocalHost().getHostName(),
            ownAddress())) {
      assertThat(embedded.refusal(postgres("jdbc:postgresql://" + host + ":" + STORE + "/x")))
          .as(host)
          .hasValueSatisfying(
              problem ->
                  assertThat(problem)
                      .contains("'acme-db'", "state store", "Point settings.jdbcUrl at"));
    }
  }

  @Test
  void readsTheUrlAsTheDriverDoes() {
    assertThat(
            embedded.refusal(
                postgres("jdbc:postgresql://192.0.2.1:5432/x?PGHOST=localhost&PGPORT=" + STORE)))
        .as("hosts overridden by the query")
        .isPresent();
    assertThat(
            embedded.refusal(
                postgres("jdbc:postgresql://192.0.2.1:5432,127.0.0.1:" + STORE + "/x")))
        .as("the second of several hosts")
        .isPresent();
    assertThat(
            embedded.refusal(
                connection(
                    "mongodb",
                    Map.of(
                        "connectionString",
                        "mongodb://192.0.2.1:27017,localhost:" + STORE + "/",
                        "database",
                        "x"))))
        .as("the second host of a MongoDB connection string")
        .hasValueSatisfying(problem -> assertThat(problem).contains("settings.connectionString"));
  }

  @Test
  void refusesHostAndPortSettingsNamingThem() {
    for (String type : List.of("postgres", "mysql", "mongodb")) {
      assertThat(
              embedded.refusal(
                  connection(
                      type, Map.of("host", "::1", "port", String.valueOf(STORE), "database", "x"))))
          .as(type)
          .hasValueSatisfying(
              problem -> assertThat(problem).contains("settings.host and settings.port"));
    }
  }

  @Test
  void refusesLoopbackAndLinkLocalDatabaseServersUnlessAllowListed() {
    OutboundAddresses strict = addresses(true, List.of(), List.of());

    assertThat(strict.refusal(postgres("jdbc:postgresql://127.0.0.1:5433/warehouse")))
        .hasValueSatisfying(
            problem -> assertThat(problem).contains("loopback", "millflow.outbound.allow-hosts"));
    assertThat(
            strict.refusal(
                connection("mysql", Map.of("jdbcUrl", "jdbc:mysql://169.254.169.254:3306/x"))))
        .hasValueSatisfying(problem -> assertThat(problem).contains("link-local"));
    assertThat(
            strict.refusal(
                connection(
                    "mongodb", Map.of("host", "localhost", "port", "27017", "database", "x"))))
        .isPresent();
    assertThat(embedded.refusal(postgres("jdbc:postgresql://127.0.0.1:5433/warehouse"))).isEmpty();
  }

  @Test
  void refusesPrivateDatabaseServersWhenPrivateAddressesAreSwitchedOff() {
    OutboundAddresses noPrivate = addresses(false, List.of(), List.of());

    assertThat(noPrivate.refusal(postgres("jdbc:postgresql://10.0.0.5:5432/erp")))
        .hasValueSatisfying(
            problem -> assertThat(problem).contains("millflow.outbound.allow-private"));
    assertThat(embedded.refusal(postgres("jdbc:postgresql://10.0.0.5:5432/erp"))).isEmpty();
  }

  @Test
  void refusesTheWholeServerOfAnExternalStateStore() {
    OutboundAddresses external =
        addresses(true, LOOPBACK_ALLOWED, List.of(new OwnEndpoints.Endpoint("127.0.0.1", 5432)));

    assertThat(external.refusal(postgres("jdbc:postgresql://localhost/millflow"))).isPresent();
    assertThat(external.refusal(postgres("jdbc:postgresql://localhost:5432/warehouse")))
        .isPresent();
    assertThat(external.refusal(postgres("jdbc:postgresql://localhost:5433/warehouse"))).isEmpty();
  }

  @Test
  void letsOtherServersAndOtherTypesThrough() {
    assertThat(embedded.refusal(postgres("jdbc:postgresql://localhost:" + (STORE + 1) + "/x")))
        .isEmpty();
    assertThat(embedded.refusal(postgres("jdbc:postgresql://192.0.2.10:" + STORE + "/x")))
        .isEmpty();
    assertThat(embedded.refusal(connection("file", Map.of("baseDirectory", "/tmp")))).isEmpty();
    assertThat(embedded.refusal(connection("postgres", Map.of()))).isEmpty();
  }

  private static OutboundAddresses addresses(
      boolean allowPrivate, List<String> allowHosts, List<OwnEndpoints.Endpoint> external) {
    return new OutboundAddresses(
        new OutboundPolicy(
            allowPrivate,
            allowHosts,
            new OwnEndpoints(
                Set::of,
                () -> external.isEmpty() ? Optional.of(STORE) : Optional.empty(),
                external)));
  }

  private static Connection postgres(String jdbcUrl) {
    return new Connection(
        "acme-db", "postgres", Map.of("jdbcUrl", jdbcUrl), Map.of("username", "postgres"));
  }

  private static Connection connection(String type, Map<String, String> settings) {
    return new Connection("acme-db", type, settings, Map.of("username", "u"));
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
