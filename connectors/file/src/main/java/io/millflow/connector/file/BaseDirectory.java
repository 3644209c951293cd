package io.millflow.connector.file;

import io.millflow.step.Connection;
import io.millflow.step.ConnectionKind;
import io.millflow.step.StepFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The directory a {@code file} connection confines steps to, with the check every step path goes
 * through. The base directory itself must lie, links followed, inside one of the tenant's {@link
 * FileRoots}; a relative one resolves under the first root. This is checked each time a step
 * starts, so a connection stored before its roots were narrowed cannot escape them. A path is
 * accepted only when it is relative, stays inside the base after normalisation, and its nearest
 * existing ancestor (the file itself when it exists) resolves, symbolic links followed, to a place
 * inside the base's real path.
 *
 * <p>The check runs when the step starts; a link swapped in between the check and the open is not
 * caught. That is acceptable because only people who can already write inside the base directory
 * could swap it.
 */
public record BaseDirectory(String connection, Path base, Path realBase, boolean readOnly) {

  /** The connection type these steps accept. */
  public static final String TYPE = "file";

  /** Binds a stored connection, then as {@link #of(String, FileConnection, List)}. */
  public static BaseDirectory of(Connection connection, List<Path> roots) {
    return of(connection.name(), ConnectionKind.of(FileConnection.class).bind(connection), roots);
  }

  /** Checks the connection's {@code baseDirectory} against the roots. */
  public static BaseDirectory of(String connection, FileConnection settings, List<Path> roots) {
    String setting = settings.baseDirectory();
    Path base = located(connection, setting, roots);
    Path real;
    try {
      real = base.toRealPath();
    } catch (IOException e) {
      throw invalid(connection, "'baseDirectory' " + base + " does not exist or cannot be opened");
    }
    if (!insideAny(real, roots)) {
      throw invalid(connection, outsideRoots(base, roots));
    }
    if (!Files.isDirectory(real)) {
      throw invalid(connection, "'baseDirectory' " + base + " is not a directory");
    }
    return new BaseDirectory(connection, base.normalize(), real, settings.readOnly());
  }

  /**
   * Why a base directory setting is outside the tenant's roots, naming the allowed ones; empty when
   * it is inside or does not exist yet inside them (what lies outside is refused even when it does
   * not exist). For checking a connection before it is saved.
   */
  public static Optional<String> outsideRoots(String setting, List<Path> roots) {
    if (setting == null || setting.isBlank()) {
      return Optional.empty();
    }
    Optional<Path> parsed = parse(setting.strip());
    if (parsed.isEmpty()) {
      return Optional.of("'" + setting.strip() + "' is not a directory path");
    }
    Path base = roots.getFirst().resolve(parsed.get()).normalize();
    return insideAny(realOrPlanned(base), roots)
        ? Optional.empty()
        : Optional.of(outsideRoots(base, roots));
  }

  private static Path located(String connection, String setting, List<Path> roots) {
    Path given =
        parse(setting)
            .orElseThrow(
                () ->
                    invalid(
                        connection,
                        "'baseDirectory' must be a directory path, not '" + setting + "'"));
    return roots.getFirst().resolve(given).normalize();
  }

  private static boolean insideAny(Path real, List<Path> roots) {
    for (Path root : roots) {
      try {
        if (real.startsWith(root.toRealPath())) {
          return true;
        }
      } catch (IOException e) {
        // a root that does not exist holds nothing
      }
    }
    return false;
  }

  private static String outsideRoots(Path base, List<Path> roots) {
    return "'baseDirectory' "
        + base
        + " is outside the directories this tenant's file connections may use ("
        + roots.stream().map(Path::toString).collect(java.util.stream.Collectors.joining(", "))
        + "): give a"
        + " directory inside "
        + (roots.size() == 1 ? "it" : "one of them")
        + " (a relative one resolves under "
        + roots.getFirst()
        + "), or ask an admin to add a root (millflow.files.roots.<tenant>)";
  }

  /**
   * The real path of the nearest existing ancestor, with the parts that do not exist yet
   * re-attached.
   */
  private static Path realOrPlanned(Path target) {
    Path existing = target;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return target;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(target));
    } catch (IOException e) {
      return target;
    }
  }

  /**
   * The file a step's {@code path} names, inside the base.
   *
   * @throws StepFailure {@code PATH_OUTSIDE_BASE} when the path escapes the base, {@code
   *     INVALID_PATH} when it is not a file path at all or names a directory
   */
  public Path resolve(String path) {
    Path relative =
        parse(path)
            .orElseThrow(
                () ->
                    new StepFailure(
                        "INVALID_PATH",
                        "'"
                            + path
                            + "' is not a valid file path: give a path relative to the base directory of connection '"
                            + connection
                            + "'."));
    if (relative.isAbsolute() || relative.getRoot() != null) {
      throw outside(path, "is absolute");
    }
    Path target = base.resolve(relative).normalize();
    if (!target.startsWith(base)) {
      throw outside(path, "leaves the base directory");
    }
    Path real = realNearestExisting(target, path);
    if (!real.startsWith(realBase)) {
      throw outside(path, "resolves through a symbolic link to " + real);
    }
    if (Files.isDirectory(target)) {
      throw new StepFailure(
          "INVALID_PATH",
          "'"
              + path
              + "' is a directory in the base directory of connection '"
              + connection
              + "', not a file: name a file.");
    }
    return target;
  }

  /** The target's path relative to the base, as steps report it. */
  public String relative(Path target) {
    return base.relativize(target).toString();
  }

  private Path realNearestExisting(Path target, String path) {
    Path existing = target;
    while (!Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    try {
      Path real = existing.toRealPath();
      // Re-attach the parts that do not exist yet: they are plain names, already checked not to
      // hold "..".
      return real.resolve(existing.relativize(target));
    } catch (IOException e) {
      throw outside(path, "goes through a symbolic link whose target does not exist");
    }
  }

  private StepFailure outside(String path, String why) {
    return new StepFailure(
        "PATH_OUTSIDE_BASE",
        "Path '"
            + path
            + "' "
            + why
            + ", but connection '"
            + connection
            + "' only allows files inside its base directory "
            + base
            + ": give a path relative to that directory"
            + " (no '..', no absolute path, no link leading out), or use a connection whose base directory holds the file.");
  }

  private static Optional<Path> parse(String path) {
    if (path == null || path.isBlank() || path.indexOf('\0') >= 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(Path.of(path));
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  private static StepFailure invalid(String connection, String problem) {
    return new StepFailure(
        "CONNECTION_INVALID",
        "Connection '"
            + connection
            + "' has an invalid setting: "
            + problem
            + ". Correct it in the connection's configuration.");
  }
}
