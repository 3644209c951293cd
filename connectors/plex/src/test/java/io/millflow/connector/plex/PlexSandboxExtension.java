package io.millflow.connector.plex;

import io.millflow.connector.plex.sandbox.PlexSandbox;
import io.millflow.connector.plex.sandbox.PlexSandboxConfig;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One sandbox for a test class: started before its first test, closed after its last, with no
 * faults left over from one test to the next. {@code @RegisterExtension static final
 * PlexSandboxExtension plex = new ...(config);}
 */
final class PlexSandboxExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

  private final PlexSandboxConfig config;
  private PlexSandbox sandbox;

  PlexSandboxExtension(PlexSandboxConfig config) {
    this.config = config;
  }

  PlexSandbox sandbox() {
    return sandbox;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    sandbox = new PlexSandbox(config).start(0);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    sandbox.faults().clear();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    sandbox.close();
  }
}
