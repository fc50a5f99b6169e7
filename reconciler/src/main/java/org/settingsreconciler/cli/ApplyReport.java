package org.settingsreconciler.cli;

import java.util.List;
import org.settingsreconciler.apply.ChangeOutcome;

/** How apply words each outcome and the total. */
final class ApplyReport {

  private ApplyReport() {}

  static String line(ChangeOutcome o) {
    String request = o.change().method() + " " + o.change().path();
    return switch (o.status()) {
      case APPLIED -> "  applied  " + o.change().address() + "    " + request;
      case FAILED -> "  FAILED   " + o.change().address() + "    " + request + "\n           " + o.error().describe();
      case NOT_ATTEMPTED -> "  skipped  " + o.change().address() + "    " + request;
    };
  }

  static String summary(List<ChangeOutcome> outcomes) {
    long applied = outcomes.stream().filter(o -> o.status() == ChangeOutcome.Status.APPLIED).count();
    long failed = outcomes.stream().filter(o -> o.status() == ChangeOutcome.Status.FAILED).count();
    long skipped = outcomes.size() - applied - failed;
    String s = "Apply " + (failed + skipped == 0 ? "complete" : "incomplete") + ": " + applied + " applied, "
        + failed + " failed" + (skipped > 0 ? ", " + skipped + " not attempted" : "") + ".";
    if (failed > 0) {
      s += " Run apply again to retry what failed; what was applied is not repeated.";
    }
    return s;
  }
}
