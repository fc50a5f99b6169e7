package org.settingsreconciler.cli;

import org.settingsreconciler.run.UserError;
import org.settingsreconciler.run.GraphSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.settingsreconciler.access.PermissionPreflight;
import org.settingsreconciler.export.ExportResult;
import org.settingsreconciler.export.Exporter;
import org.settingsreconciler.export.GroupNaming;
import org.settingsreconciler.graph.GraphError;
import org.settingsreconciler.plan.ReadFailure;
import org.settingsreconciler.resolve.GroupDirectory;
import org.settingsreconciler.state.AllUsersRead;
import org.settingsreconciler.state.StateReader;
import org.settingsreconciler.state.VersionCheck;
import org.settingsreconciler.state.CurrentState;
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
    if (allUsers && !users.isEmpty()) {
      throw new UserError("give --user or --all-users, not both");
    }
    OutputFiles.refuseInputs("--out", out, Arrays.asList(graph.sandboxState));
    try (GraphSession session = GraphSession.open(graph.target(), ctx.run(), GraphSession.Purpose.READ)) {
      StateReader reader = session.reader();
      List<String> exported = users;
      CurrentState state;
      GraphError usersError = null;
      if (allUsers) {
        AllUsersRead read = reader.readAllUsers();
        exported = read.users();
        state = read.state();
        usersError = read.usersError();
      } else {
        state = reader.readAll(users);
      }
      List<String> groupNotes = new ArrayList<>();
      Map<String, String> names =
          groupNames ? GroupNaming.names(state, new GroupDirectory(session.client()), groupNotes) : Map.of();
      groupNotes.forEach(n -> ctx.err().println("note: " + n));
      ExportResult result = new Exporter(session.client().versions()).export(state, exported, session.origin(), names);
      result.notes().forEach(n -> ctx.err().println("note: " + n));
      result.warnings().forEach(w -> ctx.err().println("warning: " + w));
      if (usersError != null) {
        ctx.err().println("error: the tenant's users could not be listed: " + usersError.describe());
      }
      List<ReadFailure> failures = new ArrayList<>();
      for (ReadFailure f : result.failures()) {
        if (f.error() != null && PermissionPreflight.NOT_IN_CLOUD.equals(f.error().code())) {
          ctx.err().println("note: " + f.address() + " left out: it exists only in the global cloud");
          continue;
        }
        if (f.error() != null && VersionCheck.NOT_IN_VERSION.equals(f.error().code())) {
          ctx.err().println("note: " + f.address() + " left out: " + f.error().message());
          continue;
        }
        failures.add(f);
        ctx.err().println("error: " + f.address() + " could not be read: " + f.error().describe());
      }
      session.adviseOn(failures);
      if (out == null) {
        ctx.out().print(result.yaml());
      } else {
        OutputFiles.writeWithValues(ctx, out, result.yaml(), "the export");
        ctx.err().println("Exported to " + out + ".");
      }
      int failed = failures.size() + (usersError == null ? 0 : 1);
      if (failed > 0) {
        ctx.err().println("The export is incomplete: " + failed + " could not be read.");
      }
      boolean masked = maskedValues(result.yaml());
      return failed > 0 || masked ? ExitCode.ERROR : ExitCode.OK;
    }
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
