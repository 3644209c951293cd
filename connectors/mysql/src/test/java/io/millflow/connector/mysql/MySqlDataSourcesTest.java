package io.millflow.connector.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.connector.sql.SqlDataSources;
import io.millflow.connector.sql.SqlWriteInput;
import io.millflow.connector.sql.testing.ConnectionFailuresContract;
import io.millflow.model.PurchaseOrder;
import io.millflow.step.Connection;
import io.millflow.step.ConnectionSockets;
import io.millflow.step.DatasetRef;
import io.millflow.step.ReauthRequiredException;
import io.millflow.step.StepFailure;
import io.millflow.step.testing.TestStepContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Pools per connection, the session settings every pool applies, and how connection failures reach
 * the engine.
 */
class MySqlDataSourcesTest extends ConnectionFailuresContract {

  private final TestDatabase database = TestDatabase.shared();
  private final MySqlDataSources dataSources = new MySqlDataSources();

  @AfterEach
  void closePools() {
    dataSources.close();
  }

  @Test
  void aWrongPasswordRequiresReauthNamingTheConnectionButNotThePassword() {
    Connection connection =
        database.connection("plant-db", database.createDatabase(), "not-the-Pa55word");
    TestStepContext context = new TestStepContext().withConnection(connection);
    DatasetRef records = context.datasets().put(PurchaseOrder.ENTITY, List.of());

    assertThatThrownBy(
            () ->
                new MySqlWrite(dataSources)
                    .run(new SqlWriteInput("plant-db", null, null, null, records), context))
        .isInstanceOfSatisfying(
            ReauthRequiredException.class, e -> assertThat(e.connection()).isEqualTo("plant-db"))
        .hasMessageStartingWith("MySQL rejected the user name or password of connection 'plant-db'")
        .hasMessageContaining("enter valid credentials")
        .satisfies(
            e ->
                assertThat(e.getMessage())
                    .doesNotContain("not-the-Pa55word", TestDatabase.PASSWORD));
  }

  @Test
  void connectsWithHostPortAndDatabaseInUtcWithBatchRewriting() {
    String name = database.createDatabase();
    Connection connection =
        new Connection(
            "by-host",
            "mysql",
            Map.of("host", "127.0.0.1", "port", String.valueOf(database.port()), "database", name),
            Map.of("username", TestDatabase.WRITER, "password", TestDatabase.PASSWORD));

    Map<String, Object> session =
        dataSources
            .jdbi(connection)
            .withHandle(
                handle ->
                    handle
                        .createQuery(
                            "SELECT DATABASE() AS db, @@session.time_zone AS tz, @@session.character_set_client AS cs")
                        .mapToMap()
                        .one());

    assertThat(session).containsEntry("db", name).containsEntry("cs", "utf8mb4");
    assertThat((String) session.get("tz")).isIn("UTC", "+00:00");
    assertThat(
            MySqlSettings.hikariConfig(connection, ConnectionSockets.unchecked())
                .getDataSourceProperties())
        .containsEntry("rewriteBatchedStatements", "true");
  }

  @Test
  void passesTlsSettingsToTheDriverAndKeepsTheirSecretsOutOfTheSettings() {
    Connection connection =
        new Connection(
            "tls",
            "mysql",
            Map.of(
                "host",
                "db.example",
                "database",
                "plant",
                "sslMode",
                "VERIFY_IDENTITY",
                "trustCertificateKeyStoreUrl",
                "file:/etc/millflow/ca.p12"),
            Map.of(
                "username",
                "u",
                "password",
                "p",
                "trustCertificateKeyStorePassword",
                "store-secret"));

    var properties =
        MySqlSettings.hikariConfig(connection, ConnectionSockets.unchecked())
            .getDataSourceProperties();

    assertThat(properties)
        .containsEntry("sslMode", "VERIFY_IDENTITY")
        .containsEntry("trustCertificateKeyStoreUrl", "file:/etc/millflow/ca.p12")
        .containsEntry("trustCertificateKeyStorePassword", "store-secret");
    assertThat(MySqlSettings.of(connection).toString()).doesNotContain("store-secret");
  }

  @Test
  void rejectsAConnectionOfAnotherType() {
    Connection postgres = new Connection("warehouse", "postgres", Map.of(), Map.of());

    assertThatThrownBy(() -> dataSources.jdbi(postgres))
        .isInstanceOfSatisfying(
            StepFailure.class, f -> assertThat(f.code()).isEqualTo("WRONG_CONNECTION_TYPE"))
        .hasMessageContaining("'warehouse'");
  }

  @Override
  protected SqlDataSources dataSources() {
    return dataSources;
  }

  @Override
  protected String connectionType() {
    return "mysql";
  }
}
