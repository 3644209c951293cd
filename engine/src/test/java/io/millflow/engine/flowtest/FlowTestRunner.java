package io.millflow.engine.flowtest;

import io.millflow.engine.flowtest.FlowTestFile.Case;
import io.millflow.engine.flowtest.FlowTestFile.Sink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs every case of every {@code *.test.yaml} in a folder. Cases run in parallel unless they share
 * a connection (a sandbox whose faults they set, a sink they empty and count): each case holds the
 * locks of its connections, taken in name order, while it runs.
 */
final class FlowTestRunner {

  private static final Pattern CONNECTION_INPUT =
      Pattern.compile("source=\"([^\"=][^\"]*)\" target=\"(?:connection|sourceConnection)\"");

  private final FlowTestRuntime runtime;
  private final String runId = UUID.randomUUID().toString().substring(0, 6);
  private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

  FlowTestRunner(FlowTestRuntime runtime) {
    this.runtime = runtime;
  }

  static List<Path> testFiles(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(file -> file.getFileName().toString().endsWith(FlowTestFileReader.SUFFIX))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("The folder " + folder + " cannot be listed", e);
    }
  }

  List<CaseResult> run(Path folder, int threads) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<CaseResult>> pending = new ArrayList<>();
      List<CaseResult> unreadable = new ArrayList<>();
      for (Path path : testFiles(folder)) {
        FlowTestFile file;
        String bpmn;
        try {
          file = FlowTestFileReader.read(path);
          bpmn = Files.readString(file.bpmn());
        } catch (FlowTestFormatException | IOException e) {
          unreadable.add(
              new CaseResult(
                  path.getFileName().toString(),
                  "(file)",
                  Duration.ZERO,
                  List.of(),
                  e.getMessage()));
          continue;
        }
        for (Case testCase : file.cases()) {
          pending.add(pool.submit(() -> runLocked(file, bpmn, testCase)));
        }
      }
      List<CaseResult> results = new ArrayList<>(unreadable);
      for (Future<CaseResult> result : pending) {
        results.add(result.get());
      }
      return results;
    } catch (Exception e) {
      throw new IllegalStateException("The flow tests in " + folder + " could not be run", e);
    } finally {
      pool.shutdownNow();
    }
  }

  private CaseResult runLocked(FlowTestFile file, String bpmn, Case testCase) {
    List<ReentrantLock> held = new ArrayList<>();
    TreeSet<String> connections = connectionsOf(bpmn, testCase);
    for (String connection : connections) {
      ReentrantLock lock = locks.computeIfAbsent(connection, name -> new ReentrantLock());
      lock.lock();
      held.add(lock);
    }
    long started = System.nanoTime();
    String fileName = file.source().getFileName().toString();
    try {
      List<Mismatch> mismatches =
          new CaseRun(runtime, file, testCase, connections).run(bpmn, processId(file, testCase));
      return new CaseResult(fileName, testCase.name(), since(started), mismatches, null);
    } catch (RuntimeException | AssertionError e) {
      return new CaseResult(fileName, testCase.name(), since(started), List.of(), e.toString());
    } finally {
      held.reversed().forEach(ReentrantLock::unlock);
    }
  }

  private static TreeSet<String> connectionsOf(String bpmn, Case testCase) {
    TreeSet<String> names = new TreeSet<>();
    Matcher inputs = CONNECTION_INPUT.matcher(bpmn);
    while (inputs.find()) {
      names.add(inputs.group(1));
    }
    testCase.expect().sinks().stream().map(Sink::connection).forEach(names::add);
    testCase.sandbox().forEach(call -> names.add(call.connection()));
    testCase.given().forEach(given -> names.add(given.connection()));
    return names;
  }

  /** A process id of the case's own, for this run of the runner: {@code <flow>--<case>-<run>}. */
  private String processId(FlowTestFile file, Case testCase) {
    String slug =
        testCase.name().toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    return file.flowId() + "--" + slug + "-" + runId;
  }

  private static Duration since(long started) {
    return Duration.ofNanos(System.nanoTime() - started);
  }
}
