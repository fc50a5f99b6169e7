package org.settingsreconciler.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.settingsreconciler.access.PermissionPreflight;
import org.settingsreconciler.export.ExportResult;
import org.settingsreconciler.export.ExportWriter;
import org.settingsreconciler.export.ExportedYaml;
import org.settingsreconciler.export.Exporter;
import org.settingsreconciler.state.ReadProgress;
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

    /** Writes the YAML out (by copying: it may be larger than is wise to hold, see ExportedYaml). */
    void yaml(ExportedYaml yaml);
  }

  /**
   * @param unread how many settings (and the list of users) could not be read: the YAML then lacks them
   */
  public record Result(int exit, int unread) implements RunOutcome {

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
    int unread;
    try (GraphSession session = GraphSession.open(request.graph(), request.ctx(), GraphSession.Purpose.READ);
        Written written = read(request, session, view)) {
      ExportResult result = written.result();
      result.notes().forEach(view::note);
      result.warnings().forEach(view::warning);
      if (written.usersError() != null) {
        view.error("the tenant's users could not be listed: " + written.usersError().describe());
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
      unread = failures.size() + (written.usersError() == null ? 0 : 1);
      to.yaml(result.content());
      if (unread > 0) {
        view.say("The export is incomplete: " + unread + " could not be read.");
      }
      boolean masked = maskedValues(request, result.content());
      return new Result(unread > 0 || masked ? ExitCode.ERROR : ExitCode.OK, unread);
    }
  }

  /** The export as read, and why the tenant's users could not be listed (null when they could, or were not asked). */
  private record Written(ExportResult result, GraphError usersError) implements AutoCloseable {
    @Override
    public void close() {
      result.content().close();
    }
  }

  /**
   * Reads the tenant and writes its YAML as it goes: every user's settings page by page as Graph lists them (each
   * page written and dropped once read, see StateReader#readAllUsers), or the users named, in the order named.
   */
  private static Written read(Request request, GraphSession session, RunView view) {
    StateReader reader = session.reader();
    ExportWriter writer = new ExportWriter(new Exporter(session.client().versions()));
    CurrentState tenantWide;
    GraphError usersError = null;
    ReadProgress progress = view.readProgress();
    progress.start(session.client().traffic());
    try {
      if (request.allUsers()) {
        tenantWide = new CurrentState();
        AllUsersRead read = reader.readAllUsers(tenantWide, page -> writer.users(page.users(), page.state()),
            progress);
        usersError = read.usersError();
        if (usersError != null) {
          writer.usersListBroken();
        }
      } else {
        progress.usersTotal(request.users().size());
        tenantWide = reader.readAll(request.users());
        progress.usersRead(request.users().size());
        writer.users(request.users(), tenantWide);
      }
    } catch (RuntimeException | Error e) {
      writer.discard(); // the users written so far are the tenant's settings: their file goes now
      throw e;
    } finally {
      progress.done();
    }
    List<String> groupNotes = new ArrayList<>();
    Map<String, String> names = request.groupNames()
        ? GroupNaming.names(tenantWide, new GroupDirectory(session.client()), groupNotes) : Map.of();
    groupNotes.forEach(view::note);
    return new Written(writer.finish(tenantWide, session.origin(), names), usersError);
  }

  /**
   * Whether the YAML as written holds {@code ***} where the tenant has a value: standard output masks values shaped
   * like credentials, a file the run's own credentials. Applying such YAML would write {@code ***} to the tenant (and
   * its plan would show both sides masked), so the run says so and fails. Comments (the header names the Graph URL)
   * are not values; each line is judged on its own, as a value sits on one line.
   */
  private static boolean maskedValues(Request request, ExportedYaml yaml) {
    Secrets secrets = request.ctx().secrets();
    boolean[] masked = {false};
    yaml.eachLine(line -> {
      if (!masked[0] && !line.stripLeading().startsWith("#")) {
        masked[0] = !(request.toFile() ? secrets.maskCredentials(line) : secrets.mask(line)).equals(line);
      }
    });
    if (!masked[0]) {
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
