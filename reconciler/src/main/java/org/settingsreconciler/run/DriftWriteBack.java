package org.settingsreconciler.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.settingsreconciler.load.ConfigError;
import org.settingsreconciler.load.ConfigException;
import org.settingsreconciler.load.DesiredStateLoader;
import org.settingsreconciler.plan.Plan;
import org.settingsreconciler.update.DriftAcceptor;
import org.settingsreconciler.update.UpdateResult;

/**
 * {@code check --update-files}: accepts drift by rewriting the drifted values in the desired state's own files to the
 * tenant's, then loads the files again, so a rewrite that leaves them invalid is said, never committed unseen.
 */
final class DriftWriteBack {

  /**
   * @param invalidAfter why the rewritten files no longer load, or null when they do (or none was rewritten)
   */
  record Result(UpdateResult update, ConfigException invalidAfter) {}

  private DriftWriteBack() {}

  static Result run(RunContext ctx, DesiredSource desired, Plan plan) {
    List<Path> files = DesiredStateLoader.expand(desired.paths(), new ArrayList<ConfigError>());
    UpdateResult result;
    try {
      result = new DriftAcceptor(files, ctx.secrets()).accept(plan);
    } catch (IOException e) {
      throw new UserError("--update-files: cannot write the desired state: " + e.getMessage());
    }
    if (result.updated().isEmpty()) {
      return new Result(result, null);
    }
    try {
      desired.loadOrThrow(ctx);
      return new Result(result, null);
    } catch (ConfigException e) {
      return new Result(result, e);
    }
  }
}
