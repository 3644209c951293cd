package io.millflow.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The default state store commits to disk: a 200 for something stored outlives an OS crash. */
@QuarkusTest
class DurableCommitsTest {

  @Inject StateStore store;

  @Test
  void theDefaultStoreRunsWithFsyncAndSynchronousCommit() {
    for (String setting : new String[] {"fsync", "synchronous_commit", "full_page_writes"}) {
      String value =
          store.jdbi().withHandle(h -> h.createQuery("show " + setting).mapTo(String.class).one());
      assertThat(value).as(setting).isEqualTo("on");
    }
  }
}
