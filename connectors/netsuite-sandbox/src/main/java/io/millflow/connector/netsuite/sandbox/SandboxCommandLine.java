package io.millflow.connector.netsuite.sandbox;

import io.millflow.sandbox.Faults;
import io.millflow.sandbox.FaultsEndpoint;
import io.millflow.sandbox.SandboxOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Options of the standalone sandbox, each {@code --name=value}, all optional: {@code --port}
 * (8090), {@code --seed} (42), {@code --purchase-orders} (1000), {@code --max-lines} (9), {@code
 * --vendors} (200), {@code --items} (500), {@code --result-ceiling} (100000), {@code --concurrency}
 * (15), {@code --token-seconds} (3600), {@code --change-share} (0.05), {@code --change-minutes}
 * (60), {@code --key-dir} (where private.pem is written; a new temporary folder), and faults from
 * the start: {@code --error-rate} (0..1, of 503s; {@code --error-status} another status) and {@code
 * --latency-ms}.
 */
record SandboxCommandLine(
    int port, NetSuiteSandboxConfig config, Path keyDir, Map<String, String> faults) {

  private static final Set<String> OPTIONS =
      Set.of(
          "port",
          "seed",
          "purchase-orders",
          "max-lines",
          "vendors",
          "items",
          "result-ceiling",
          "concurrency",
          "token-seconds",
          "change-share",
          "change-minutes",
          "key-dir",
          "error-rate",
          "error-status",
          "latency-ms");

  static SandboxCommandLine parse(String... args) {
    Map<String, String> options = SandboxOptions.parse(OPTIONS, args);
    NetSuiteSandboxConfig config =
        NetSuiteSandboxConfig.defaults()
            .withSeed(Long.parseLong(options.getOrDefault("seed", "42")))
            .withPurchaseOrders(Integer.parseInt(options.getOrDefault("purchase-orders", "1000")))
            .withMaxLinesPerOrder(Integer.parseInt(options.getOrDefault("max-lines", "9")))
            .withVendors(Integer.parseInt(options.getOrDefault("vendors", "200")))
            .withItems(Integer.parseInt(options.getOrDefault("items", "500")))
            .withResultCeiling(Integer.parseInt(options.getOrDefault("result-ceiling", "100000")))
            .withConcurrencyLimit(Integer.parseInt(options.getOrDefault("concurrency", "15")))
            .withTokenLifetime(
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("token-seconds", "3600"))))
            .withChanges(
                Double.parseDouble(options.getOrDefault("change-share", "0.05")),
                Duration.ofMinutes(Long.parseLong(options.getOrDefault("change-minutes", "60"))));
    Path keyDir = options.containsKey("key-dir") ? Path.of(options.get("key-dir")) : null;
    Map<String, String> faults = new HashMap<>(options);
    faults.keySet().retainAll(Set.of("error-rate", "error-status", "latency-ms"));
    return new SandboxCommandLine(
        Integer.parseInt(options.getOrDefault("port", "8090")), config, keyDir, faults);
  }

  /** Sets the faults given on the command line. */
  void applyFaults(Faults target) {
    if (faults.containsKey("error-rate")) {
      target.errorRate(
          Double.parseDouble(faults.get("error-rate")),
          Integer.parseInt(faults.getOrDefault("error-status", "503")));
    }
    if (faults.containsKey("latency-ms")) {
      target.latency(Duration.ofMillis(Long.parseLong(faults.get("latency-ms"))));
    }
  }

  /**
   * One line: where the sandbox is and the credentials to use; writes private.pem for the M2M
   * connection.
   */
  String describe(NetSuiteSandbox sandbox) {
    Path pem;
    try {
      Path dir =
          keyDir != null
              ? Files.createDirectories(keyDir)
              : Files.createTempDirectory("netsuite-sandbox");
      pem = Files.writeString(dir.resolve("private.pem"), sandbox.privateKeyPem());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write private.pem: " + e.getMessage(), e);
    }
    return "NetSuite sandbox at "
        + sandbox.baseUrl()
        + " (accountId "
        + config.accountId()
        + ", "
        + config.purchaseOrders()
        + " purchase orders); M2M: clientId="
        + config.clientId()
        + " certificateId="
        + config.certificateId()
        + " privateKey="
        + pem
        + "; TBA: consumerKey="
        + config.consumerKey()
        + " consumerSecret="
        + config.consumerSecret()
        + " tokenId="
        + config.tokenId()
        + " tokenSecret="
        + config.tokenSecret()
        + "; faults: POST "
        + sandbox.baseUrl()
        + FaultsEndpoint.PATH
        + ". Ctrl-C stops it.";
  }
}
