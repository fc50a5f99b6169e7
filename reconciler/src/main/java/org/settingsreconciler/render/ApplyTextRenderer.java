package org.settingsreconciler.render;

import org.settingsreconciler.text.Plural;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.settingsreconciler.apply.ApplyStatus;
import org.settingsreconciler.apply.ChangeResult;
import org.settingsreconciler.apply.CreateLedger;
import org.settingsreconciler.apply.Verification;
import org.settingsreconciler.plan.Create;

/**
 * What apply did, for people: one line per change saying what happened to it (status, address, request), with
 * Graph's error, what the read-back showed and what the rollback did on the lines below it; then the count of every
 * status and what to do next.
 */
public final class ApplyTextRenderer {

  private final PrintStream out;
  private final Palette palette;

  public ApplyTextRenderer(PrintStream out) {
    this(out, Palette.PLAIN);
  }

  /** @param palette how each change's status and the verdict are marked: in colour only for a terminal */
  public ApplyTextRenderer(PrintStream out, Palette palette) {
    this.out = out;
    this.palette = palette;
  }

  public void render(List<ChangeResult> results) {
    int width = Math.max(ApplyStatus.APPLIED.label().length(), results.stream().mapToInt(r -> r.status().label().length()).max().orElse(0));
    for (ChangeResult r : results) {
      String label = r.status().label();
      out.println("  " + paint(r.status(), label) + " ".repeat(width - label.length() + 2) + r.change().address() + "    "
          + r.change().method() + " " + r.change().path());
      String indent = " ".repeat(width + 4);
      details(r).forEach(d -> out.println(indent + d));
    }
    out.println();
    String summary = summary(results);
    int verdict = summary.indexOf(':') + 1;
    boolean failed = results.stream().anyMatch(r -> r.status().failsTheRun());
    out.println((failed ? palette.bad(summary.substring(0, verdict)) : palette.good(summary.substring(0, verdict)))
        + summary.substring(verdict));
    nextSteps(results).forEach(out::println);
  }

  /** A status as the list shows it: applied in green, what failed in red, what needs a look in yellow. */
  private String paint(ApplyStatus status, String label) {
    return switch (status) {
      case APPLIED, ALREADY_PRESENT -> palette.good(label);
      case FAILED, ROLLBACK_FAILED, MAYBE_APPLIED -> palette.bad(label);
      default -> palette.warn(label);
    };
  }

  /** The lines under a change: Graph's error, what the read-back showed, what the rollback did. */
  static List<String> details(ChangeResult r) {
    List<String> lines = new ArrayList<>();
    if (r.error() != null && r.verification() != Verification.VERIFIED) {
      lines.add(r.error().describe());
    }
    if (r.detail() != null) {
      lines.add(r.detail());
    }
    if (r.rollback() != null) {
      lines.add(r.rollback().detail());
    }
    return lines;
  }

  /** "Apply incomplete: 2 applied, 1 failed." with every other status that occurred. */
  public static String summary(List<ChangeResult> results) {
    Map<ApplyStatus, Integer> counts = counts(results);
    boolean failed = results.stream().anyMatch(r -> r.status().failsTheRun());
    List<String> parts = new ArrayList<>();
    for (ApplyStatus s : ApplyStatus.values()) {
      int n = counts.get(s);
      if (n > 0 || s == ApplyStatus.APPLIED || s == ApplyStatus.FAILED) {
        parts.add(n + " " + (s == ApplyStatus.APPLIED_NOT_VISIBLE ? "applied but not yet visible"
            : s.reportName().replace('_', ' ')));
      }
    }
    return "Apply " + (failed ? "incomplete" : "complete") + ": " + String.join(", ", parts) + ".";
  }

  public static Map<ApplyStatus, Integer> counts(List<ChangeResult> results) {
    Map<ApplyStatus, Integer> counts = new EnumMap<>(ApplyStatus.class);
    for (ApplyStatus s : ApplyStatus.values()) {
      counts.put(s, 0);
    }
    results.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
    return counts;
  }

  /** What the reader should do now, and the warnings a complete apply can still carry. */
  static List<String> nextSteps(List<ChangeResult> results) {
    Map<ApplyStatus, Integer> n = counts(results);
    List<String> out = new ArrayList<>();
    int notVisible = n.get(ApplyStatus.APPLIED_NOT_VISIBLE);
    if (notVisible > 0) {
      out.add("Warning: " + changes(notVisible) + " accepted by Graph " + Plural.pick(notVisible, "does", "do")
          + " not show in the tenant yet. Graph can take a while: run plan later, and if "
          + Plural.pick(notVisible, "it still differs", "they still differ") + ", apply again.");
    }
    long unverified = results.stream().filter(r -> r.verification() == Verification.COULD_NOT_VERIFY
        && r.status() == ApplyStatus.APPLIED).count();
    if (unverified > 0) {
      out.add("Note: " + changes((int) unverified) + " could not be read back to verify (see above); run plan to "
          + "confirm.");
    }
    if (results.stream().anyMatch(r -> r.verification() == Verification.SKIPPED)) {
      out.add("Nothing was read back (--no-verify): run plan to confirm the tenant matches.");
    }
    int rolledBack = n.get(ApplyStatus.ROLLED_BACK);
    int rollbackFailed = n.get(ApplyStatus.ROLLBACK_FAILED);
    int unfinished = n.get(ApplyStatus.FAILED) + n.get(ApplyStatus.MAYBE_APPLIED) + n.get(ApplyStatus.NOT_ATTEMPTED);
    if (rolledBack + rollbackFailed > 0) {
      out.add("Rolled back " + changes(rolledBack) + " to " + Plural.pick(rolledBack, "its value", "their values")
          + " before this run" + (rollbackFailed > 0 ? "; " + changes(rollbackFailed) + " could not be rolled back "
          + "and " + Plural.pick(rollbackFailed, "stays", "stay") + " applied (see above)" : "") + ".");
      out.add("Fix what failed, then run apply again: it sends only what still differs.");
    } else if (unfinished > 0) {
      int applied = n.get(ApplyStatus.APPLIED) + notVisible;
      out.add("Run apply again to finish: it reads the tenant again and sends only what still differs, so it retries "
          + "the " + changes(unfinished) + " that did not apply" + (applied > 0 ? " and does not repeat the "
          + applied + " that did" : "") + ".");
      if (n.get(ApplyStatus.MAYBE_APPLIED) > 0) {
        out.add("A change whose answer was lost is planned again only if the tenant still lacks it.");
      }
    }
    return out;
  }

  /**
   * What apply says about its creates that Graph does not show yet (or whose answer was lost): POST is not
   * idempotent, so a run before they show would make them twice, unless the ledger of recent creates holds them back.
   */
  public static List<String> ledgerNotes(List<ChangeResult> results, CreateLedger ledger) {
    long unseen = results.stream().filter(r -> r.change() instanceof Create).filter(r -> switch (r.status()) {
      case APPLIED -> r.verification() != Verification.VERIFIED;
      case APPLIED_NOT_VISIBLE, MAYBE_APPLIED -> true;
      default -> false;
    }).count();
    if (unseen == 0) {
      return List.of();
    }
    String what = Plural.count(unseen, "create") + " not yet seen in the tenant";
    if (ledger.enabled()) {
      return List.of("Note: " + what + Plural.pick(unseen, " is", " are") + " recorded in " + ledger.file()
          + ": for " + ledger.window().toMinutes() + " min, plan and apply do not send "
          + Plural.pick(unseen, "it", "them") + " again (--recreate-pending does); after that, a plan that still does not "
          + "see " + Plural.pick(unseen, "it", "them") + " creates " + Plural.pick(unseen, "it", "them") + " again.");
    }
    return List.of("Warning: " + what + Plural.pick(unseen, " is", " are") + " not remembered (there is no config "
        + "directory: set XDG_CONFIG_HOME or HOME; or RECONCILER_PENDING_CREATE_MINUTES is 0): an apply before "
        + Plural.pick(unseen, "it shows", "they show") + " creates " + Plural.pick(unseen, "it", "them")
        + " again, as a duplicate. Run plan until " + Plural.pick(unseen, "it shows", "they show") + " before applying "
        + "again.");
  }

  private static String changes(int n) {
    return Plural.count(n, "change");
  }
}
