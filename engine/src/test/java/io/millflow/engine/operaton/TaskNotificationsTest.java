package io.millflow.engine.operaton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TaskNotificationsTest {

  @RegisterExtension final EngineFixture fixture = new EngineFixture();

  @Test
  void aCreatedTaskWakesTheOtherInstanceThroughTheDatabaseAndItsCreatorOnlyOnce() throws Exception {
    WakeSignal creator = new WakeSignal();
    WakeSignal other = new WakeSignal();
    try (TaskNotifications a = notifications("a", creator);
        TaskNotifications b = notifications("b", other)) {
      a.listen();
      b.listen();
      // until b listens: its LISTEN runs on a thread of its own
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> {
                a.taskCreated();
                return other.await(Duration.ofMillis(300));
              });
      Thread.sleep(EngineFixture.POLL.toMillis());
      creator.await(Duration.ZERO);

      a.taskCreated();

      assertThat(creator.await(Duration.ZERO)).as("woken at once, in its own JVM").isTrue();
      assertThat(other.await(Duration.ofSeconds(5))).as("woken through the database").isTrue();
      assertThat(creator.await(Duration.ofMillis(500)))
          .as("not woken again by its own announcement")
          .isFalse();
    }
  }

  private TaskNotifications notifications(String workerName, WakeSignal local) {
    return new TaskNotifications(fixture.dataSource(), workerName, local, EngineFixture.POLL);
  }
}
