package io.millflow.connector.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.step.Connection;
import io.millflow.step.ConnectionCheck;
import io.millflow.step.ConnectionProblem;
import io.millflow.step.ConnectionSockets;
import io.millflow.step.OutboundGuard;
import io.millflow.step.StepFailure;
import io.millflow.step.testing.LoopbackGuard;
import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A tenant's PostgreSQL connection has every socket its pool opens checked where PgJDBC connects,
 * on the address it resolved ({@code localhost} here, so loopback): refused unless allowed, and
 * then it works against the real server.
 */
class PostgresSocketGuardTest {

  private static TestDatabase database;

  @BeforeAll
  static void startDatabase() {
    database = TestDatabase.start();
  }

  @AfterAll
  static void stopDatabase() throws IOException {
    database.close();
  }

  @Test
  void aPoolRefusesToConnectToTheLoopbackAddressItsHostResolvedTo() {
    try (PostgresDataSources pools = pools(LoopbackGuard.refusingLoopback())) {
      assertThatThrownBy(() -> pools.jdbi(database.connection("erp", "public")))
          .isInstanceOfSatisfying(
              StepFailure.class, e -> assertThat(e.code()).isEqualTo("OUTBOUND_ADDRESS_REFUSED"))
          .hasMessageContaining("Connection 'erp'")
          .hasMessageContaining("settings.jdbcUrl")
          .hasMessageContaining("localhost, which resolves to")
          .hasMessageContaining("millflow.outbound.allow-hosts");
    }
  }

  @Test
  void anAllowListedLoopbackHostStillWorks() {
    try (PostgresDataSources pools = pools(new LoopbackGuard(Set.of("localhost")))) {
      Integer one =
          pools
              .jdbi(database.connection("erp", "public"))
              .withHandle(handle -> handle.createQuery("SELECT 1").mapTo(Integer.class).one());
      assertThat(one).isEqualTo(1);
    }
  }

  @Test
  void aConnectionTestIsRefusedAsAWrongUrlWithNothingSent() {
    ConnectionCheck check =
        new PostgresConnectionTester(sockets(LoopbackGuard.refusingLoopback()))
            .test(database.connection("erp", "public"));

    assertThat(check.ok()).isFalse();
    assertThat(check.problem()).isEqualTo(ConnectionProblem.WRONG_URL);
    assertThat(check.message()).contains("localhost, which resolves to", "allow-hosts");
  }

  @Test
  void aUrlThatNamesItsOwnSocketFactoryIsRefused() {
    Connection given = database.connection("erp", "public");
    Map<String, String> settings = new HashMap<>(given.settings());
    settings.put("jdbcUrl", database.jdbcUrl() + "?socketFactory=javax.net.ssl.SSLSocketFactory");
    Connection ownFactory =
        new Connection(given.name(), given.type(), settings, given.credentials());

    try (PostgresDataSources pools = pools(new LoopbackGuard(Set.of("localhost")))) {
      assertThatThrownBy(() -> pools.jdbi(ownFactory))
          .isInstanceOfSatisfying(
              StepFailure.class, e -> assertThat(e.code()).isEqualTo("CONNECTION_INVALID"))
          .hasMessageContaining("must not set socketFactory");
    }
  }

  @Test
  void aUrlThatNamesAClassOrAFileOfTheRuntimesHostIsRefused() {
    Connection given = database.connection("erp", "public");
    for (String parameters :
        List.of(
            "sslfactory=org.postgresql.ssl.NonValidatingFactory",
            "sslpasswordcallback=com.example.Callback",
            "sslkey=/etc/millflow/master.key")) {
      Map<String, String> settings = new HashMap<>(given.settings());
      settings.put("jdbcUrl", database.jdbcUrl() + "?" + parameters);
      Connection unsafe = new Connection(given.name(), given.type(), settings, given.credentials());

      try (PostgresDataSources pools = pools(new LoopbackGuard(Set.of("localhost")))) {
        assertThatThrownBy(() -> pools.jdbi(unsafe))
            .as(parameters)
            .isInstanceOfSatisfying(
                StepFailure.class, e -> assertThat(e.code()).isEqualTo("CONNECTION_INVALID"))
            .hasMessageContaining("'jdbcUrl' must not set " + parameters.split("=")[0]);
      }
    }
  }

  private static PostgresDataSources pools(OutboundGuard guard) {
    return new PostgresDataSources(
        Clock.systemUTC(), PostgresDataSources.DEFAULT_IDLE_EVICTION, sockets(guard));
  }

  private static ConnectionSockets sockets(OutboundGuard guard) {
    return (name, connection) -> Optional.of(guard);
  }
}
