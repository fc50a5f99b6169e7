package org.settingsreconciler.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.settingsreconciler.access.PermissionPreflight;
import org.settingsreconciler.export.ExportResult;
import org.settingsreconciler.export.Exporter;
import org.settingsreconciler.export.GroupNaming;
import org.settingsreconciler.graph.GraphError;
import org.settingsreconciler.plan.ReadFailure;
import org.settingsreconciler.resolve.GroupDirectory;
import org.settingsreconciler.secrets.Secrets;
import org.settingsreconciler.state.AllUsersRead;
import org.settingsreconciler.state.CurrentState;
import org.settingsreconciler.state.StateReader;
import org.settingsreconciler.state.VersionCheck;

/**
 * {@code export}: reads the tenant and writes it as desired-state YAML that plans to no changes. Settings the run's
 * cloud or Graph version does not have are left out with a note; settings that could not be read make the export
 * incomplete, and say so. The exit code is decided here; the YAML is handed to the {@link View}.
 */
public final class ExportUseCase {

  /**
   * @param users the users whose settings are exported too
   * @param allUsers every user's, listed from the tenant
   * @param groupNames write Entra groups as {@code {group: name}} where the name is unique
   * @param toFile whether the YAML goes to a file, where only the run's own credentials are masked, rather than to
   *     standard output, where every value shaped like a credential is
   */
  public record Request(RunContext ctx, GraphTarget graph, List<String> users, boolean allUsers, boolean groupNames,
      boolean toFile) {}

  /** Where the YAML goes: the command line prints it, or writes it to the file named. */
  @FunctionalInterface
  public interface View {

    void yaml(String yaml);
  }

  /**
   * @param unread how many settings (and the list of users) could not be read: the YAML then lacks them
   */
  public record Result(int exit, String yaml, int unread) implements RunOutcome {

    public boolean complete() {
      return unread == 0;
    }
  }

  private ExportUseCase() {}

  public static Result run(Request request, View to) {
    if (request.allUsers() && !request.users().isEmpty()) {
      throw new UserError("give --user or --all-users, not both");
    }
    RunView view = request.ctx().view();
    String yaml;
    int unread;
    try (GraphSession session = GraphSession.open(request.graph(), request.ctx(), GraphSession.Purpose.READ)) {
      StateReader reader = session.reader();
      List<String> exported = request.users();
      CurrentState state;
      GraphError usersError = null;
      if (request.allUsers()) {
        AllUsersRead read = reader.readAllUsers();
        exported = read.users();
        state = read.state();
        usersError = read.usersError();
      } else {
        state = reader.readAll(request.users());
      }
      List<String> groupNotes = new ArrayList<>();
      Map<String, String> names = request.groupNames()
          ? GroupNaming.names(state, new GroupDirectory(session.client()), groupNotes) : Map.of();
      groupNotes.forEach(view::note);
      ExportResult result = new Exporter(session.client().versions()).export(state, exported, session.origin(), names);
      result.notes().forEach(view::note);
      result.warnings().forEach(view::warning);
      if (usersError != null) {
        view.error("the tenant's users could not be listed: " + usersError.describe());
      }
      List<ReadFailure> failures = new ArrayList<>();
      for (ReadFailure f : result.failures()) {
        if (f.error() != null && PermissionPreflight.NOT_IN_CLOUD.equals(f.error().code())) {
          view.note(f.address() + " left out: it exists only in the global cloud");
          continue;
        }
        if (f.error() != null && VersionCheck.NOT_IN_VERSION.equals(f.error().code())) {
          view.note(f.address() + " left out: " + f.error().message());
          continue;
        }
        failures.add(f);
        view.error(f.address() + " could not be read: " + f.error().describe());
      }
      session.adviseOn(failures);
      yaml = result.yaml();
      unread = failures.size() + (usersError == null ? 0 : 1);
    }
    to.yaml(yaml);
    if (unread > 0) {
      view.say("The export is incomplete: " + unread + " could not be read.");
    }
    boolean masked = maskedValues(request, yaml);
    return new Result(unread > 0 || masked ? ExitCode.ERROR : ExitCode.OK, yaml, unread);
  }

  /**
   * Whether the YAML as written holds {@code ***} where the tenant has a value: standard output masks values shaped
   * like credentials, a file the run's own credentials. Applying such YAML would write {@code ***} to the tenant (and
   * its plan would show both sides masked), so the run says so and fails. Comments (the header names the Graph URL)
   * are not values.
   */
  private static boolean maskedValues(Request request, String yaml) {
    Secrets secrets = request.ctx().secrets();
    String values = String.join("\n", yaml.lines().filter(l -> !l.stripLeading().startsWith("#")).toList());
    String written = request.toFile() ? secrets.maskCredentials(values) : secrets.mask(values);
    if (written.equals(values)) {
      return false;
    }
    request.ctx().view().error(request.toFile()
        ? "a value the tenant holds is a credential this run signs in with; it is written as ***, and the YAML would "
            + "write *** to the tenant"
        : "values shaped like credentials are shown as *** on standard output, and the YAML would write *** to the "
            + "tenant; export with --out FILE to write the tenant's values");
    return true;
  }
}
