package org.settingsreconciler.cli;

import java.nio.file.Path;
import org.settingsreconciler.run.DesiredSource;
import org.settingsreconciler.run.GraphTarget;
import org.settingsreconciler.run.UserError;
import picocli.CommandLine;

/**
 * What one run of a command works in: its context (streams, environment, secrets), its desired state and its Graph.
 * A plain command line is one run; a fleet is one run per tenant, each with the tenant's own (see {@link FleetRun}),
 * run by the same command object at the same time, so a command keeps everything of a run here, never in its fields.
 *
 * @param graph where Graph is, or null for the commands that do not talk to it
 * @param tenantName the fleet tenant's name, which fills {@code {tenant}} in the names of the files it writes; null
 *     for a plain run
 */
record RunScope(CliContext ctx, DesiredSource desired, GraphTarget graph, String tenantName) {

  static RunScope of(CliContext ctx, DesiredStateArgs desired, GraphOptions graph) {
    return new RunScope(ctx, desired.source(), graph == null ? null : graph.target(), null);
  }

  /** A file this run reads: {@code {tenant}} in its name is the tenant's (a fleet checked that every one has it). */
  Path file(Path named) {
    return named == null || tenantName == null ? named : Path.of(named.toString().replace("{tenant}", tenantName));
  }

  /**
   * A file this run writes, named as {@link #file} names it; for a tenant, checked as the command line checks the
   * name it was given (see {@link OutputFiles#checked}), before anything is sent.
   */
  Path outputFile(Path named) {
    Path file = file(named);
    if (file != null && tenantName != null) {
      try {
        OutputFiles.checked(file.toString());
      } catch (CommandLine.TypeConversionException e) {
        throw new UserError(e.getMessage());
      }
    }
    return file;
  }
}
