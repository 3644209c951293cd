package io.millflow.engine.operaton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EngineHistoryTest {

  @RegisterExtension final EngineFixture fixture = new EngineFixture();

  private static final String TWO_STEPS =
      TestFlows.sequence("two", "Read", "read", "Write", "write");

  @Test
  void keepsTheHistoryOfProcessInstancesAndNoRowPerActivity() throws SQLException {
    OperatonEngine engine =
        fixture.engineWithWorkers(
            "w1",
            Map.of(
                "read",
                EngineFixture.completing(Map.of()),
                "write",
                EngineFixture.completing(Map.of())));
    engine.deploy("two", TWO_STEPS);

    String instance = engine.startOnce("two", Map.of(), "event-1");
    await().atMost(Duration.ofSeconds(20)).until(() -> fixture.runEnds.contains(instance));

    assertThat(
            count(
                "select count(*) from act_hi_procinst where proc_inst_id_ = '"
                    + instance
                    + "' and end_time_ is not null"))
        .isEqualTo(1);
    assertThat(count("select count(*) from act_hi_actinst")).isZero();
    assertThat(engine.startOnce("two", Map.of(), "event-1"))
        .as("an ended instance is found by its start key")
        .isEqualTo(instance);
  }

  @Test
  void startsOnADatabaseAnEarlierVersionKeptAtTheActivityLevel() throws SQLException {
    fixture.engine("before").close();
    update("update act_ge_property set value_ = '1' where name_ = 'historyLevel'");

    OperatonEngine engine =
        fixture.engineWithWorkers(
            "after",
            Map.of(
                "read",
                EngineFixture.completing(Map.of()),
                "write",
                EngineFixture.completing(Map.of())));
    engine.deploy("two", TWO_STEPS);
    String instance = engine.start("two", Map.of());

    await().atMost(Duration.ofSeconds(20)).until(() -> fixture.runEnds.contains(instance));
    assertThat(
            count(
                "select count(*) from act_ge_property where name_ = 'historyLevel' and value_ = '42'"))
        .isEqualTo(1);
  }

  private int count(String sql) throws SQLException {
    try (Connection db = fixture.dataSource().getConnection();
        Statement query = db.createStatement();
        ResultSet row = query.executeQuery(sql)) {
      row.next();
      return row.getInt(1);
    }
  }

  private void update(String sql) throws SQLException {
    try (Connection db = fixture.dataSource().getConnection();
        Statement update = db.createStatement()) {
      update.executeUpdate(sql);
    }
  }
}
