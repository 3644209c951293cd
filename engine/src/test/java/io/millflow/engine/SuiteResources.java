package io.millflow.engine;

import io.millflow.engine.it.ZeebeUnderTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Test resources every Quarkus test shares: the Zeebe it runs on (see {@link ZeebeUnderTest}). */
@WithTestResource(value = ZeebeUnderTest.class, scope = TestResourceScope.GLOBAL)
public final class SuiteResources {

  private SuiteResources() {}
}
