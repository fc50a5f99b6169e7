package org.settingsreconciler.cli;

import org.settingsreconciler.run.ExitCode;
import org.settingsreconciler.run.ExportUseCase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    mixinStandardHelpOptions = true,
    name = "export",
    description = "Write the tenant's current settings as desired-state YAML that plans to no changes.")
final class ExportCommand implements Callable<Integer> {

  private final CliContext ctx;

  @Mixin GraphOptions graph;

  @Option(names = "--out", paramLabel = "FILE", converter = OutputFiles.PathConverter.class,
      description = "Write to FILE instead of stdout.")
  Path out;

  @Option(names = "--user", paramLabel = "UPN", description = "Also export this user's interests (repeatable).")
  List<String> users = new ArrayList<>();

  @Option(names = "--group-names",
      description = "Write Entra groups as {group: \"<display name>\"} instead of ids, where the name is unique.")
  boolean groupNames;

  @Option(names = "--all-users", description = "Also export the interests of every user in the tenant.")
  boolean allUsers;

  ExportCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    OutputFiles.refuseInputs("--out", out, Arrays.asList(graph.sandboxState));
    ExportUseCase.Result result =
        ExportUseCase.run(new ExportUseCase.Request(ctx.run(), graph.target(), users, allUsers, groupNames));
    if (out == null) {
      ctx.out().print(result.yaml());
    } else {
      OutputFiles.writeWithValues(ctx, out, result.yaml(), "the export");
      ctx.err().println("Exported to " + out + ".");
    }
    if (!result.complete()) {
      ctx.err().println("The export is incomplete: " + result.unread() + " could not be read.");
    }
    boolean masked = maskedValues(result.yaml());
    return !result.complete() || masked ? ExitCode.ERROR : ExitCode.OK;
  }


  /**
   * Whether the YAML as written holds {@code ***} where the tenant has a value: standard output masks values shaped like
   * credentials, a file the run's own credentials. Applying such YAML would write {@code ***} to the tenant (and its
   * plan would show both sides masked), so the run says so and fails. Comments (the header names the Graph URL) are
   * not values.
   */
  private boolean maskedValues(String yaml) {
    String values = String.join("\n", yaml.lines().filter(l -> !l.stripLeading().startsWith("#")).toList());
    String written = out == null ? ctx.secrets().mask(values) : ctx.secrets().maskCredentials(values);
    if (written.equals(values)) {
      return false;
    }
    ctx.err().println(out == null
        ? "error: values shaped like credentials are shown as *** on standard output, and the YAML would write *** to "
            + "the tenant; export with --out FILE to write the tenant's values"
        : "error: a value the tenant holds is a credential this run signs in with; it is written as ***, and the YAML "
            + "would write *** to the tenant");
    return true;
  }
}
