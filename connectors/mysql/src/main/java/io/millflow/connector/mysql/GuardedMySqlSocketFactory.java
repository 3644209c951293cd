package io.millflow.connector.mysql;

import com.mysql.cj.conf.PropertySet;
import com.mysql.cj.protocol.StandardSocketFactory;
import io.millflow.connector.sql.SocketGuards;
import java.net.Socket;

/**
 * Connector/J's {@code socketFactory} for a tenant's connection: the standard one (it resolves the
 * host and tries each address), each socket a {@link io.millflow.connector.sql.GuardedSocket} of
 * the guard the connection's {@value #GUARD_KEY} property names, so the address tried is the
 * address checked. Connector/J makes one per connection from the class name alone.
 */
public final class GuardedMySqlSocketFactory extends StandardSocketFactory {

  /** The driver property that carries the {@link SocketGuards#key} of the connection's guard. */
  static final String GUARD_KEY = "millflowSocketGuard";

  @Override
  protected Socket createSocket(PropertySet properties) {
    String key;
    try {
      key = properties.getStringProperty(GUARD_KEY).getValue();
    } catch (RuntimeException e) {
      key = null; // no such property: the socket refuses every address
    }
    return SocketGuards.socket(key);
  }
}
