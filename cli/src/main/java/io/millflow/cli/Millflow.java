package io.millflow.cli;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code millflow export|diff|apply <folder>}: flows as code against a runtime's API. Exit codes: 0
 * done (diff: nothing would change), 2 (diff) something would change, 1 an error or a refused
 * folder, 64 a usage error.
 */
public final class Millflow {

  static final int OK = 0;
  static final int FAILED = 1;
  static final int CHANGES = 2;
  static final int USAGE = 64;

  private static final String USAGE_TEXT =
      """
      usage: millflow export <folder> | diff <folder> [--prune] | apply <folder> [--prune]
        --url <runtime>    or MILLFLOW_URL (default http://localhost:8080)
        --token <token>    or MILLFLOW_TOKEN: an API token of the tenant (designer or admin to apply)
        --prune            also delete what the folder no longer has""";

  private final PrintStream out;
  private final PrintStream err;

  public Millflow(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    System.exit(new Millflow(System.out, System.err).run(List.of(args), System.getenv()));
  }

  /** Runs one command; the environment gives MILLFLOW_URL and MILLFLOW_TOKEN. */
  public int run(List<String> args, Map<String, String> environment) {
    CommandLine command;
    try {
      command = CommandLine.parse(args, environment);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(USAGE_TEXT);
      return USAGE;
    }
    try {
      ApiClient api = new ApiClient(URI.create(command.url()), command.token());
      return switch (command.name()) {
        case "export" -> export(api, command.folder());
        case "diff" -> diff(api, command.folder(), command.prune());
        default -> apply(api, command.folder(), command.prune());
      };
    } catch (CliException | UncheckedIOException e) {
      err.println("millflow " + command.name() + ": " + e.getMessage());
      return FAILED;
    }
  }

  private int export(ApiClient api, Path folder) {
    TenantSetup setup = new RuntimeReader(api).read().setup();
    new Folder(folder).write(setup);
    out.printf(
        "Exported %d flows, %d triggers, %d subscriptions, %d connections, %d secret names to %s%n",
        setup.flows().size(),
        setup.triggers().size(),
        setup.subscriptions().size(),
        setup.connections().size(),
        setup.secrets().size(),
        folder);
    return OK;
  }

  private int diff(ApiClient api, Path folder, boolean prune) {
    TenantSetup wanted = new Folder(folder).read();
    LiveTenant target = new RuntimeReader(api).read();
    Plan plan = Planner.plan(wanted, target.setup(), prune);
    plan.print(out);
    List<String> refusals = Refusals.of(wanted, target, plan);
    refusals.forEach(refusal -> out.println("apply would refuse: " + refusal));
    return plan.changesAnything() ? CHANGES : OK;
  }

  private int apply(ApiClient api, Path folder, boolean prune) {
    TenantSetup wanted = new Folder(folder).read();
    LiveTenant target = new RuntimeReader(api).read();
    Plan plan = Planner.plan(wanted, target.setup(), prune);
    plan.print(out);
    List<String> refusals = Refusals.of(wanted, target, plan);
    if (!refusals.isEmpty()) {
      err.println("millflow apply: refused, nothing was changed:");
      refusals.forEach(refusal -> err.println("  " + refusal));
      return FAILED;
    }
    if (!plan.changesAnything()) {
      out.println("Nothing to apply.");
      return OK;
    }
    new Applier(api, out).apply(plan, wanted, target);
    out.println("Applied.");
    return OK;
  }
}
