package io.millflow.engine.it;

import org.junit.jupiter.api.BeforeAll;

/**
 * The shared-work contract without Camunda 8: every instance runs the embedded Operaton engine over
 * one PostgreSQL, whose task locks and job executor share the work. That is how one machine grows
 * to several.
 */
class EmbeddedWorkersIT extends SharedWorkersContract {

  @BeforeAll
  static void startOnOperaton() throws Exception {
    startCluster(Cluster.Engine.OPERATON);
  }
}
