package io.millflow.connector.sql;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * PgJDBC's {@code socketFactory} for a tenant's connection: every socket is a {@link GuardedSocket}
 * of the guard its {@code socketFactoryArg} names ({@link SocketGuards#key}). PgJDBC makes one per
 * connection attempt, cancel requests included, from the class name and that string.
 */
public final class GuardedSocketFactory extends SocketFactory {

  private final String key;

  public GuardedSocketFactory(String key) {
    this.key = key;
  }

  @Override
  public Socket createSocket() {
    return SocketGuards.socket(key);
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return connected(null, new InetSocketAddress(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return connected(
        new InetSocketAddress(localHost, localPort), new InetSocketAddress(host, port));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return connected(null, new InetSocketAddress(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return connected(
        new InetSocketAddress(localAddress, localPort), new InetSocketAddress(address, port));
  }

  /** A socket bound to {@code local} (when given) and connected to {@code target}, if allowed. */
  private Socket connected(InetSocketAddress local, InetSocketAddress target) throws IOException {
    Socket socket = createSocket();
    if (local != null) {
      socket.bind(local);
    }
    socket.connect(target);
    return socket;
  }
}
