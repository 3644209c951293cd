package io.millflow.connector.netsuite.sandbox;

import io.millflow.step.sandbox.SandboxProvider;
import io.millflow.step.sandbox.SandboxSettings;

/**
 * Starts the NetSuite sandbox for the runtime on a free port. Setting: {@code
 * netsuite-purchase-orders}.
 */
public final class NetSuiteSandboxProvider implements SandboxProvider {

  @Override
  public String system() {
    return "netsuite";
  }

  @Override
  public NetSuiteSandbox start(SandboxSettings settings) {
    NetSuiteSandboxConfig defaults = NetSuiteSandboxConfig.defaults();
    return new NetSuiteSandbox(
            defaults.withPurchaseOrders(
                settings.intValue("netsuite-purchase-orders", defaults.purchaseOrders())))
        .start(0);
  }
}
