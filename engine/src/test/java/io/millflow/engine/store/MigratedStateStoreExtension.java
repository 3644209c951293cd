package io.millflow.engine.store;

import java.io.IOException;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link MigratedStateStore} for one test class: started before its first test, closed after its
 * last. Register it as a static field, so a {@code @BeforeAll} method may use it:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final MigratedStateStoreExtension postgres = new MigratedStateStoreExtension("pg-x-test");
 * }</pre>
 */
public final class MigratedStateStoreExtension implements BeforeAllCallback, AfterAllCallback {

  private final String folder;
  private MigratedStateStore store;

  /**
   * @param folder the store's data folder under {@code target/}, one per test class
   */
  public MigratedStateStoreExtension(String folder) {
    this.folder = folder;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    store = MigratedStateStore.start(folder);
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    store.close();
    store = null;
  }

  public Jdbi jdbi() {
    if (store == null) {
      throw new IllegalStateException(
          "The store of " + folder + " runs only while its test class runs");
    }
    return store.jdbi();
  }
}
