package org.settingsreconciler.run;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Exit codes, the same for every command so pipelines can rely on them. */
public final class ExitCode {

  /** Success; for plan --detailed-exitcode and check: no changes, in sync. */
  public static final int OK = 0;

  /** Invalid input, a failed request, a refused apply, or any other error. */
  public static final int ERROR = 1;

  /** plan --detailed-exitcode: there are changes; check: drift. */
  public static final int CHANGES = 2;

  private ExitCode() {}

  /**
   * What each exit code means for a command, in order, as its --help lists them: written here, beside the codes, so
   * help cannot drift from them. {@code command} is a subcommand's name, or null for the tool as a whole.
   */
  public static Map<Integer, String> meanings(String command) {
    String name = command == null ? "" : command;
    Map<Integer, String> m = new LinkedHashMap<>();
    m.put(OK, switch (name) {
      case "plan" -> "The plan was made (with --detailed-exitcode: and there is nothing to change).";
      case "check" -> "No drift: the tenant matches the YAML.";
      case "apply" -> "Every change was applied, or there was nothing to apply.";
      case "validate" -> "The desired state is valid.";
      case "" -> "Success; for check and plan --detailed-exitcode: nothing differs.";
      default -> "Success.";
    });
    m.put(ERROR, switch (name) {
      case "check", "plan" -> "An error: invalid input, a setting that could not be read, a failed request.";
      case "apply" -> "An error: invalid input, a refused apply, a change that failed or was not sent.";
      case "validate" -> "The desired state is invalid, or could not be read.";
      default -> "An error: invalid input, a failed request, or any other error.";
    });
    switch (name) {
      case "plan" -> m.put(CHANGES, "With --detailed-exitcode: the plan has changes.");
      case "check" -> m.put(CHANGES, "Drift: the tenant differs from the YAML (also with --update-files).");
      case "" -> m.put(CHANGES, "Changes (plan --detailed-exitcode) or drift (check).");
      default -> { }
    }
    return m;
  }

  /** The worst of several runs' exit codes, as a fleet exits: an error, then changes or drift, then none. */
  public static int worst(Collection<Integer> codes) {
    return codes.stream().max(Comparator.comparingInt(ExitCode::severity)).orElse(OK);
  }

  private static int severity(int exit) {
    return exit == OK ? 0 : exit == CHANGES ? 1 : 2;
  }
}
