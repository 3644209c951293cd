package io.millflow.engine.cluster;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import java.util.concurrent.CountDownLatch;

/**
 * A Zeebe engine in a JVM of its own, reached only through its gRPC gateway: the shared engine of
 * the multi-instance tests and of {@code bench/cluster.sh}, standing in for a Zeebe cluster. It is
 * the in-memory engine Millflow embeds, so its state dies with it (no broker restart can be tested
 * on it). Prints {@value #READY} and the gateway address, then runs until killed.
 *
 * <p>{@code java -cp
 * "engine/target/test-classes:engine/target/quarkus-app/lib/boot/*:engine/target/quarkus-app/lib/main/*"
 * io.millflow.engine.cluster.StandaloneZeebe [port]} (the runtime's jars: lib/boot holds the log
 * manager the engine needs)
 */
public final class StandaloneZeebe {

  public static final String READY = "Zeebe gateway listening on ";

  private StandaloneZeebe() {}

  public static void main(String[] args) throws InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    ZeebeTestEngine engine = port == 0 ? EngineFactory.create() : EngineFactory.create(port);
    io.millflow.engine.zeebe.InMemoryLogGuard.apply(engine);
    engine.start();
    Runtime.getRuntime().addShutdownHook(new Thread(engine::stop, "zeebe-stop"));
    System.out.println(READY + engine.getGatewayAddress());
    System.out.flush();
    new CountDownLatch(1).await();
  }
}
