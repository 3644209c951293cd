package io.millflow.connector.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.step.Connection;
import io.millflow.step.ConnectionCheck;
import io.millflow.step.ConnectionProblem;
import io.millflow.step.ConnectionSockets;
import io.millflow.step.OutboundGuard;
import io.millflow.step.StepFailure;
import io.millflow.step.testing.LoopbackGuard;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A tenant's MySQL connection has every socket Connector/J opens checked on the address it is about
 * to connect to: refused unless allowed, then working against the real server; and a URL cannot put
 * another socket factory or a SOCKS proxy in the guard's way.
 */
class MySqlSocketGuardTest {

  private final TestDatabase database = TestDatabase.shared();

  @Test
  void aPoolRefusesToConnectToALoopbackAddress() {
    try (MySqlDataSources pools = pools(LoopbackGuard.refusingLoopback())) {
      assertThatThrownBy(
              () -> pools.jdbi(database.connection("plant-db", database.createDatabase())))
          .isInstanceOfSatisfying(
              StepFailure.class, e -> assertThat(e.code()).isEqualTo("OUTBOUND_ADDRESS_REFUSED"))
          .hasMessageContaining("Connection 'plant-db'")
          .hasMessageContaining("settings.jdbcUrl")
          .hasMessageContaining("127.0.0.1")
          .hasMessageContaining("millflow.outbound.allow-hosts");
    }
  }

  @Test
  void anAllowListedLoopbackHostStillWorks() {
    try (MySqlDataSources pools = pools(new LoopbackGuard(Set.of("127.0.0.1")))) {
      Integer one =
          pools
              .jdbi(database.connection("plant-db", database.createDatabase()))
              .withHandle(handle -> handle.createQuery("SELECT 1").mapTo(Integer.class).one());
      assertThat(one).isEqualTo(1);
    }
  }

  @Test
  void aConnectionTestIsRefusedAsAWrongUrl() {
    ConnectionCheck check =
        new MySqlConnectionTester(sockets(LoopbackGuard.refusingLoopback()))
            .test(database.connection("plant-db", database.createDatabase()));

    assertThat(check.ok()).isFalse();
    assertThat(check.problem()).isEqualTo(ConnectionProblem.WRONG_URL);
    assertThat(check.message()).contains("127.0.0.1", "allow-hosts");
  }

  @Test
  void aUrlWithASocksProxyOrAHostWithItsOwnSocketFactoryIsRefused() {
    String schema = database.createDatabase();
    List<String> urls =
        List.of(
            "jdbc:mysql://127.0.0.1:"
                + database.port()
                + "/"
                + schema
                + "?socksProxyHost=127.0.0.1&socksProxyPort=5432",
            // A host's own properties win over the driver properties the pool passes.
            "jdbc:mysql://address=(host=127.0.0.1)(port="
                + database.port()
                + ")(socketFactory=com.mysql.cj.protocol.StandardSocketFactory)/"
                + schema);
    try (MySqlDataSources pools = pools(new LoopbackGuard(Set.of("127.0.0.1")))) {
      for (String url : urls) {
        assertThatThrownBy(() -> pools.jdbi(withUrl(url)))
            .as(url)
            .isInstanceOfSatisfying(
                StepFailure.class, e -> assertThat(e.code()).isEqualTo("CONNECTION_INVALID"))
            .hasMessageContaining("must not set socketFactory or socksProxyHost");
      }
    }
  }

  @Test
  void aUrlThatLetsTheServerReadFilesOrTheDriverLoadClassesIsRefused() {
    String schema = database.createDatabase();
    String base = "jdbc:mysql://127.0.0.1:" + database.port() + "/" + schema;
    List<String> urls =
        List.of(
            base + "?allowLoadLocalInfile=true",
            base + "?ALLOWLOADLOCALINFILE=true",
            base
                + "?autoDeserialize=true"
                + "&queryInterceptors=com.mysql.cj.jdbc.interceptors.ServerStatusDiffInterceptor",
            "jdbc:mysql://address=(host=127.0.0.1)(port="
                + database.port()
                + ")(allowUrlInLocalInfile=true)/"
                + schema);
    try (MySqlDataSources pools = pools(new LoopbackGuard(Set.of("127.0.0.1")))) {
      for (String url : urls) {
        assertThatThrownBy(() -> pools.jdbi(withUrl(url)))
            .as(url)
            .isInstanceOfSatisfying(
                StepFailure.class, e -> assertThat(e.code()).isEqualTo("CONNECTION_INVALID"))
            .hasMessageContaining("'jdbcUrl' must not set ")
            .hasMessageContaining("touch the runtime's files");
      }
    }
  }

  private Connection withUrl(String url) {
    Connection given = database.connection("plant-db", database.createDatabase());
    Map<String, String> settings = new HashMap<>(given.settings());
    settings.put("jdbcUrl", url);
    return new Connection(given.name(), given.type(), settings, given.credentials());
  }

  private static MySqlDataSources pools(OutboundGuard guard) {
    return new MySqlDataSources(sockets(guard));
  }

  private static ConnectionSockets sockets(OutboundGuard guard) {
    return (name, connection) -> Optional.of(guard);
  }
}
