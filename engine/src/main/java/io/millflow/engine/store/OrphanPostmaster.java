package io.millflow.engine.store;

import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * A PostgreSQL still running on the data directory although the Millflow that started it is gone
 * (killed with {@code kill -9}, so it could not stop its server): found through the directory's
 * {@code postmaster.pid} and stopped before the next start, which would otherwise fail because the
 * directory is taken.
 */
final class OrphanPostmaster {

  private static final Logger LOG = Logger.getLogger(OrphanPostmaster.class);
  private static final Duration STOP_WAIT = Duration.ofSeconds(60);

  /**
   * The lock file zonky's embedded PostgreSQL holds while the Millflow owning the data directory
   * runs.
   */
  private static final String OWNER_LOCK = "epg-lock";

  private final Path pgData;
  private final long pid;
  private final ProcessHandle process;

  private OrphanPostmaster(Path pgData, long pid, ProcessHandle process) {
    this.pgData = pgData;
    this.pid = pid;
    this.process = process;
  }

  /**
   * Stops the PostgreSQL left running on {@code pgData}, if one is; a server whose Millflow still
   * runs is refused.
   */
  static void stopIfRunning(Path pgData) {
    find(pgData).ifPresent(OrphanPostmaster::stop);
  }

  static Optional<OrphanPostmaster> find(Path pgData) {
    Path pidFile = pgData.resolve("postmaster.pid");
    List<String> lines = readLines(pidFile);
    if (lines.size() < 2 || !lines.get(0).strip().matches("[0-9]+")) {
      return Optional
          .empty(); // no server, or one that is just writing the file: PostgreSQL sorts that out
      // itself
    }
    long pid = Long.parseLong(lines.get(0).strip());
    Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    if (process.isEmpty()) {
      return Optional
          .empty(); // a stale file after a crash of the whole machine: PostgreSQL removes it at
      // start
    }
    if (!isPostgresOn(process.get(), pgData, lines.get(1).strip())) {
      LOG.warnf(
          "%s names process %d, which is not a PostgreSQL on %s (a process id reused since): left alone",
          pidFile, pid, pgData);
      return Optional.empty();
    }
    if (isOwnedByARunningMillflow(pgData)) {
      throw new IllegalStateException(
          "The embedded PostgreSQL on "
              + pgData
              + " (process "
              + pid
              + ") belongs to a"
              + " Millflow that is still running: stop it first, or give this one another millflow.data-dir.");
    }
    return Optional.of(new OrphanPostmaster(pgData, pid, process.get()));
  }

  long pid() {
    return pid;
  }

  /**
   * Fast shutdown with the server's own {@code pg_ctl} (SIGTERM when that cannot run), waiting for
   * it to end.
   */
  void stop() {
    LOG.warnf(
        "A PostgreSQL (process %d) is still running on %s although the Millflow that started it is gone"
            + " (killed?): stopping it (fast shutdown, open transactions roll back) before starting again",
        pid, pgData);
    if (!stoppedWithPgCtl()) {
      LOG.warnf("pg_ctl could not stop process %d; sending it SIGTERM", pid);
      process.destroy();
    }
    try {
      process.onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException e) {
      throw new IllegalStateException(
          "The PostgreSQL left running on "
              + pgData
              + " (process "
              + pid
              + ") did not"
              + " stop within "
              + STOP_WAIT.toSeconds()
              + " s: stop it (kill "
              + pid
              + "), then start Millflow again.",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(
          "Interrupted while stopping the PostgreSQL left running on " + pgData, e);
    }
    LOG.infof("Stopped the PostgreSQL left running on %s (process %d)", pgData, pid);
  }

  private boolean stoppedWithPgCtl() {
    Optional<Path> pgCtl =
        process
            .info()
            .command()
            .map(Path::of)
            .map(postgres -> postgres.resolveSibling("pg_ctl"))
            .filter(Files::isExecutable);
    if (pgCtl.isEmpty()) {
      return false;
    }
    List<String> command = new ArrayList<>();
    if (LinuxUtils.isUnshareAvailable()) {
      command.addAll(
          List.of(
              "unshare",
              "-U")); // as root, the binaries run (and were started) the way zonky runs them
    }
    command.addAll(
        List.of(
            pgCtl.get().toString(),
            "-D",
            pgData.toString(),
            "stop",
            "-m",
            "fast",
            "-w",
            "-t",
            String.valueOf(STOP_WAIT.toSeconds())));
    try {
      Process pgCtlRun = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output =
          new String(pgCtlRun.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      int exit = pgCtlRun.waitFor();
      if (exit != 0) {
        LOG.warnf("pg_ctl stop on %s ended with %d: %s", pgData, exit, output);
      }
      return exit == 0;
    } catch (IOException e) {
      LOG.warnf("pg_ctl stop on %s could not run: %s", pgData, e.getMessage());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * The process runs a binary named postgres, and both the pid file and its {@code -D} name this
   * data directory.
   */
  private static boolean isPostgresOn(ProcessHandle process, Path pgData, String pidFileDataDir) {
    ProcessHandle.Info info = process.info();
    boolean postgres =
        info.command()
            .map(Path::of)
            .map(Path::getFileName)
            .map(Path::toString)
            .filter(name -> name.equals("postgres") || name.equals("postgres.exe"))
            .isPresent();
    Optional<String> dashD = info.arguments().flatMap(OrphanPostmaster::dataDirectoryArgument);
    return postgres
        && sameDirectory(pidFileDataDir, pgData)
        && dashD.map(d -> sameDirectory(d, pgData)).orElse(true);
  }

  private static Optional<String> dataDirectoryArgument(String[] arguments) {
    for (int i = 0; i + 1 < arguments.length; i++) {
      if (arguments[i].equals("-D")) {
        return Optional.of(arguments[i + 1]);
      }
    }
    return Optional.empty();
  }

  private static boolean sameDirectory(String named, Path pgData) {
    try {
      return Path.of(named).toRealPath().equals(pgData.toRealPath());
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Whether a live process (this JVM included) holds the lock zonky takes on the data directory
   * while it runs.
   */
  private static boolean isOwnedByARunningMillflow(Path pgData) {
    Path lockFile = pgData.resolve(OWNER_LOCK);
    if (!Files.exists(lockFile)) {
      return false;
    }
    try (FileOutputStream stream = new FileOutputStream(lockFile.toFile(), true);
        FileLock lock = stream.getChannel().tryLock()) {
      return lock == null;
    } catch (OverlappingFileLockException e) {
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot check the lock " + lockFile, e);
    }
  }

  private static List<String> readLines(Path file) {
    try {
      return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }
}
