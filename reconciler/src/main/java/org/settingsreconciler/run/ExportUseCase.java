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
import org.settingsreconciler.state.AllUsersRead;
import org.settingsreconciler.state.CurrentState;
import org.settingsreconciler.state.StateReader;
import org.settingsreconciler.state.VersionCheck;

/**
 * {@code export}: reads the tenant and writes it as desired-state YAML that plans to no changes. Settings the run's
 * cloud or Graph version does not have are left out with a note; settings that could not be read make the export
 * incomplete, and say so.
 */
public final class ExportUseCase {

  /**
   * @param users the users whose settings are exported too
   * @param allUsers every user's, listed from the tenant
   * @param groupNames write Entra groups as {@code {group: name}} where the name is unique
   */
  public record Request(RunContext ctx, GraphTarget graph, List<String> users, boolean allUsers, boolean groupNames) {}

  /**
   * @param unread how many settings (and the list of users) could not be read: the YAML then lacks them
   */
  public record Result(String yaml, int unread) {

    public boolean complete() {
      return unread == 0;
    }
  }

  private ExportUseCase() {}

  public static Result run(Request request) {
    if (request.allUsers() && !request.users().isEmpty()) {
      throw new UserError("give --user or --all-users, not both");
    }
    RunView view = request.ctx().view();
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
      return new Result(result.yaml(), failures.size() + (usersError == null ? 0 : 1));
    }
  }
}
