package org.settingsreconciler.cli;

import org.settingsreconciler.run.DesiredSource;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.settingsreconciler.run.UserError;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options naming the desired-state files and directories a command reads, and the variables they use. */
final class DesiredStateArgs {

  @Parameters(
      paramLabel = "PATH",
      arity = "0..*",
      description = "Desired-state YAML files, or directories whose top-level *.yaml/*.yml files are merged.")
  List<String> given = new ArrayList<>();

  @Option(names = "--var", paramLabel = "NAME=VALUE",
      description = "Set $${var:NAME} in the YAML (repeatable; wins over --var-file).")
  List<String> vars = new ArrayList<>();

  @Option(names = "--var-file", paramLabel = "FILE",
      description = "Read $${var:NAME} values from a YAML mapping of NAME: value (repeatable; later files win).")
  List<Path> varFiles = new ArrayList<>();

  @Option(names = "--parallel-tenants", paramLabel = "N", defaultValue = "4", converter = Range.ParallelTenants.class,
      description = "With tenant directories: run at most N tenants at once, ${bundle:range.ParallelTenants} (default: ${DEFAULT-VALUE}).")
  int parallelTenants;

  /** The PATHs. */
  List<Path> paths() {
    try {
      return given.stream().map(Path::of).toList();
    } catch (InvalidPathException e) {
      throw new UserError("not a path: " + e.getMessage());
    }
  }

  /**
   * What these options name: the PATHs, read as one plain run. A PATH that does not exist stops the run here, named as
   * it was typed ({@code missing/}), before it could be reported as an error at line 1 of an invalid desired state.
   */
  DesiredSource source() {
    for (String path : given) {
      if (!Files.exists(Path.of(path), LinkOption.NOFOLLOW_LINKS)) {
        throw new UserError(path + ": no such file or directory");
      }
    }
    return new DesiredSource(paths(), null, List.copyOf(vars), List.copyOf(varFiles));
  }
}
