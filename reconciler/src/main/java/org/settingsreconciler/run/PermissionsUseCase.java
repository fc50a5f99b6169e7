package org.settingsreconciler.run;

import java.util.List;
import org.settingsreconciler.access.PermissionReport;
import org.settingsreconciler.model.DesiredState;

/**
 * {@code permissions}: the Graph permissions and directory roles a desired state needs, or every setting's when none
 * is named (an export of the whole tenant, or planning YAML still to come). Offline.
 */
public final class PermissionsUseCase {

  public record Request(RunContext ctx, DesiredSource desired) {}

  /** @param report the report's lines, or null when the desired state is invalid (its errors were told) */
  public record Result(int exit, List<String> report) implements RunOutcome {}

  private PermissionsUseCase() {}

  public static Result run(Request request) {
    DesiredSource desired = request.desired();
    boolean everything = desired.paths().isEmpty() && desired.tenant() == null;
    DesiredState state = everything ? null : desired.load(request.ctx());
    if (state == null && !everything) {
      return new Result(ExitCode.ERROR, null);
    }
    return new Result(ExitCode.OK, PermissionReport.render(state));
  }
}
