package io.millflow.engine.sandbox;

import io.millflow.step.sandbox.Sandbox;
import io.millflow.step.sandbox.SandboxProvider;
import io.millflow.step.sandbox.SandboxSettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The connectors' sandboxes on the class path, found through the Sandbox SPI ({@link ServiceLoader}
 * of {@link SandboxProvider}), started together and closed together. The runtime names none of
 * them: a build with the sandbox modules has them all, a production build ({@code
 * -Dmillflow.sandboxes=false}) none.
 */
public final class ConnectorSandboxes implements AutoCloseable {

  private final List<SandboxProvider> providers;
  private final List<Sandbox> running = new ArrayList<>();

  /** The providers {@code loader} sees, in the order of their systems' names. */
  public ConnectorSandboxes(ClassLoader loader) {
    this.providers =
        ServiceLoader.load(SandboxProvider.class, loader).stream()
            .map(ServiceLoader.Provider::get)
            .sorted(Comparator.comparing(SandboxProvider::system))
            .toList();
  }

  /** {@code plex}, {@code netsuite}, ...: the systems whose sandbox is on the class path. */
  public List<String> systems() {
    return providers.stream().map(SandboxProvider::system).toList();
  }

  /**
   * Starts every sandbox found, once; a sandbox that fails to start stops those already started.
   *
   * @return the running sandboxes, empty when none is on the class path
   */
  public synchronized List<Sandbox> start(SandboxSettings settings) {
    if (running.isEmpty()) {
      try {
        for (SandboxProvider provider : providers) {
          running.add(provider.start(settings));
        }
      } catch (RuntimeException e) {
        close();
        throw e;
      }
    }
    return List.copyOf(running);
  }

  /**
   * The running sandbox of this type, e.g. for a test that injects a fault only that system has.
   */
  public synchronized <S extends Sandbox> Optional<S> running(Class<S> type) {
    return running.stream().filter(type::isInstance).map(type::cast).findFirst();
  }

  /** The running sandbox that offers the connection {@code name} ({@code plex-sandbox}). */
  public synchronized Optional<Sandbox> offering(String connection) {
    return running.stream()
        .filter(
            sandbox ->
                sandbox.connections().stream()
                    .anyMatch(offered -> offered.name().equals(connection)))
        .findFirst();
  }

  @Override
  public synchronized void close() {
    running.forEach(Sandbox::close);
    running.clear();
  }
}
