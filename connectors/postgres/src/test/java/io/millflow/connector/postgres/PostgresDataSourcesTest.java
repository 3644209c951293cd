package io.millflow.connector.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.connector.sql.SqlDataSources;
import io.millflow.connector.sql.SqlWriteInput;
import io.millflow.connector.sql.testing.ConnectionFailuresContract;
import io.millflow.model.PurchaseOrder;
import io.millflow.step.Connection;
import io.millflow.step.DatasetRef;
import io.millflow.step.ReauthRequiredException;
import io.millflow.step.StepFailure;
import io.millflow.step.testing.MutableClock;
import io.millflow.step.testing.TestStepContext;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pools per connection, and how connection failures reach the engine. */
class PostgresDataSourcesTest extends ConnectionFailuresContract {

  private static TestDatabase database;

  private final MutableClock clock = new MutableClock(Instant.parse("2024-01-01T00:00:00Z"));
  private final PostgresDataSources dataSources =
      new PostgresDataSources(clock, Duration.ofMinutes(10));

  @BeforeAll
  static void startDatabase() {
    database = TestDatabase.start();
  }

  @AfterAll
  static void stopDatabase() throws IOException {
    database.close();
  }

  @AfterEach
  void closePools() {
    dataSources.close();
  }

  @Test
  void aWrongPasswordRequiresReauthNamingTheConnectionButNotThePassword() {
    Connection connection = database.connection("warehouse", "public", "not-the-Pa55word");
    TestStepContext context = new TestStepContext().withConnection(connection);
    DatasetRef records = context.datasets().put(PurchaseOrder.ENTITY, List.of());

    assertThatThrownBy(
            () ->
                new PostgresWrite(dataSources)
                    .run(new SqlWriteInput("warehouse", null, null, null, records), context))
        .isInstanceOfSatisfying(
            ReauthRequiredException.class, e -> assertThat(e.connection()).isEqualTo("warehouse"))
        .hasMessageStartingWith(
            "PostgreSQL rejected the user name or password of connection 'warehouse'")
        .hasMessageContaining("enter valid credentials")
        .satisfies(
            e ->
                assertThat(e.getMessage())
                    .doesNotContain("not-the-Pa55word", TestDatabase.PASSWORD));
  }

  @Test
  void connectsWithHostPortAndDatabaseSettings() {
    Connection connection =
        new Connection(
            "by-host",
            "postgres",
            Map.of(
                "host",
                "localhost",
                "port",
                String.valueOf(database.port()),
                "database",
                "postgres"),
            Map.of("username", TestDatabase.WRITER, "password", TestDatabase.PASSWORD));

    String user =
        dataSources
            .jdbi(connection)
            .withHandle(
                handle -> handle.createQuery("SELECT current_user").mapTo(String.class).one());

    assertThat(user).isEqualTo(TestDatabase.WRITER);
  }

  @Test
  void reusesAPoolWhileTheConnectionIsUnchanged() {
    DataSource first = dataSources.dataSource(database.connection("warehouse", "public"));

    assertThat(dataSources.dataSource(database.connection("warehouse", "public"))).isSameAs(first);
    assertThat(dataSources.dataSource(database.connection("warehouse", "other")))
        .isNotSameAs(first);
    assertThat(dataSources.openPools()).isEqualTo(2);
  }

  @Test
  void closesPoolsNoOneAskedForDuringTheEvictionPeriod() {
    dataSources.dataSource(database.connection("old", "public"));
    clock.advance(Duration.ofMinutes(11));

    dataSources.dataSource(database.connection("new", "public"));

    assertThat(dataSources.openPools()).isEqualTo(1);
  }

  @Test
  void rejectsAConnectionOfAnotherType() {
    Connection plex = new Connection("plex-prod", "plex", Map.of(), Map.of());

    assertThatThrownBy(() -> dataSources.jdbi(plex))
        .isInstanceOfSatisfying(
            StepFailure.class, f -> assertThat(f.code()).isEqualTo("WRONG_CONNECTION_TYPE"))
        .hasMessageContaining("'plex-prod'");
  }

  @Override
  protected SqlDataSources dataSources() {
    return dataSources;
  }

  @Override
  protected String connectionType() {
    return "postgres";
  }
}
