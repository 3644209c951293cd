package io.millflow.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The parsed arguments: command, folder, runtime address, token (never printed), --prune. */
record CommandLine(String name, Path folder, String url, String token, boolean prune) {

  private static final Set<String> COMMANDS = Set.of("export", "diff", "apply");
  private static final String DEFAULT_URL = "http://localhost:8080";

  @Override
  public String toString() {
    return "CommandLine[" + name + " " + folder + " --url " + url + (prune ? " --prune" : "") + "]";
  }

  static CommandLine parse(List<String> args, Map<String, String> environment) {
    String name = null;
    String folder = null;
    String url = environment.get("MILLFLOW_URL");
    String token = environment.get("MILLFLOW_TOKEN");
    boolean prune = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--url" -> url = value(args, ++i, arg);
        case "--token" -> token = value(args, ++i, arg);
        case "--prune" -> prune = true;
        default -> {
          if (arg.startsWith("--")) {
            throw new IllegalArgumentException("Unknown option " + arg);
          } else if (name == null) {
            name = arg;
          } else if (folder == null) {
            folder = arg;
          } else {
            throw new IllegalArgumentException("One folder only, not also '" + arg + "'");
          }
        }
      }
    }
    if (name == null || !COMMANDS.contains(name)) {
      throw new IllegalArgumentException("Give a command: export, diff or apply");
    }
    if (folder == null) {
      throw new IllegalArgumentException("Give the folder: millflow " + name + " <folder>");
    }
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("Give an API token: --token or MILLFLOW_TOKEN");
    }
    if (prune && name.equals("export")) {
      throw new IllegalArgumentException("--prune is for diff and apply");
    }
    return new CommandLine(
        name, Path.of(folder), url == null || url.isBlank() ? DEFAULT_URL : url, token, prune);
  }

  private static String value(List<String> args, int index, String option) {
    if (index >= args.size()) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args.get(index);
  }
}
