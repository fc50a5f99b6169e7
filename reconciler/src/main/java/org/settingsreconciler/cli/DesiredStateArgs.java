package org.settingsreconciler.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.settingsreconciler.load.ConfigError;
import org.settingsreconciler.load.ConfigException;
import org.settingsreconciler.load.DesiredStateLoader;
import org.settingsreconciler.model.DesiredState;
import picocli.CommandLine.Parameters;

/** The desired-state files and directories a command reads, and how their errors are shown. */
final class DesiredStateArgs {

  @Parameters(
      paramLabel = "PATH",
      arity = "0..*",
      description = "Desired-state YAML files, or directories whose top-level *.yaml/*.yml files are merged.")
  List<Path> paths = new ArrayList<>();

  /** Loads and validates; on any problem prints every error and returns null. */
  DesiredState load(CliContext ctx) {
    try {
      return new DesiredStateLoader().load(paths);
    } catch (ConfigException e) {
      printErrors(ctx, e);
      return null;
    }
  }

  static void printErrors(CliContext ctx, ConfigException e) {
    for (ConfigError error : e.errors()) {
      ctx.err().println("error: " + error);
    }
    ctx.err().println(
        e.errors().size() == 1
            ? "The desired state is invalid (1 error); nothing was sent to the tenant."
            : "The desired state is invalid (" + e.errors().size() + " errors); nothing was sent to the tenant.");
  }
}
