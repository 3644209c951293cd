package io.millflow.connector.idhammar.sandbox;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One sandbox for a test class: started before its tests, stopped after them, faults cleared before
 * each. Register as {@code @RegisterExtension static final SandboxExtension SANDBOX = new
 * SandboxExtension(config);}.
 */
public final class SandboxExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

  private final IdhammarSandboxConfig config;
  private IdhammarSandbox sandbox;

  public SandboxExtension(IdhammarSandboxConfig config) {
    this.config = config;
  }

  public IdhammarSandbox sandbox() {
    return sandbox;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    sandbox = new IdhammarSandbox(config).start(0);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    sandbox.close();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    sandbox.faults().clear();
  }
}
