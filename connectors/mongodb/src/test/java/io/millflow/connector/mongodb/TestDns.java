package io.millflow.connector.mongodb;

import com.mongodb.spi.dns.DnsClient;
import com.mongodb.spi.dns.DnsClientProvider;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands for a DNS server in this module's tests: the driver finds it through its own provider
 * interface (META-INF/services) and asks it every SRV and TXT query, so a test can publish an SRV
 * record ({@link #publishSrv}) for a {@code mongodb+srv} name. A name nothing was published for has
 * no records.
 */
public final class TestDns implements DnsClientProvider {

  private static final Map<String, List<String>> RECORDS = new ConcurrentHashMap<>();

  /** Publishes {@code _mongodb._tcp.<name>} listing {@code target:port}. */
  static void publishSrv(String name, String target, int port) {
    RECORDS.put("SRV _mongodb._tcp." + name, List.of("0 0 " + port + " " + target + "."));
  }

  @Override
  public DnsClient create() {
    return (name, type) -> RECORDS.getOrDefault(type + " " + name, List.of());
  }
}
