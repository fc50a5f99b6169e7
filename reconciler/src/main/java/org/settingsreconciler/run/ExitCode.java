package org.settingsreconciler.run;

import java.util.Collection;
import java.util.Comparator;

/** Exit codes, the same for every command so pipelines can rely on them. */
public final class ExitCode {

  /** Success; for plan --detailed-exitcode and check: no changes, in sync. */
  public static final int OK = 0;

  /** Invalid input, a failed request, a refused apply, or any other error. */
  public static final int ERROR = 1;

  /** plan --detailed-exitcode: there are changes; check: drift. */
  public static final int CHANGES = 2;

  private ExitCode() {}

  /** The worst of several runs' exit codes, as a fleet exits: an error, then changes or drift, then none. */
  public static int worst(Collection<Integer> codes) {
    return codes.stream().max(Comparator.comparingInt(ExitCode::severity)).orElse(OK);
  }

  private static int severity(int exit) {
    return exit == OK ? 0 : exit == CHANGES ? 1 : 2;
  }
}
