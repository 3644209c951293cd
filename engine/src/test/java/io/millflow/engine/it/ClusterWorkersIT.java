package io.millflow.engine.it;

import org.junit.jupiter.api.BeforeAll;

/**
 * The shared-work contract on a Zeebe: every instance a job worker of one Zeebe, over one
 * PostgreSQL.
 */
class ClusterWorkersIT extends SharedWorkersContract {

  @BeforeAll
  static void startOnZeebe() throws Exception {
    startCluster(Cluster.Engine.ZEEBE);
  }
}
