package org.settingsreconciler.render;

import org.settingsreconciler.text.Plural;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.settingsreconciler.plan.Change;
import org.settingsreconciler.plan.Create;
import org.settingsreconciler.plan.Delete;
import org.settingsreconciler.plan.Destructive;
import org.settingsreconciler.plan.Duplicate;
import org.settingsreconciler.plan.Invoke;
import org.settingsreconciler.plan.Note;
import org.settingsreconciler.plan.PendingCreate;
import org.settingsreconciler.plan.PlanJson;
import org.settingsreconciler.plan.Plan;
import org.settingsreconciler.plan.PropertyChange;
import org.settingsreconciler.plan.ReadFailure;
import org.settingsreconciler.plan.SettingStatus;
import org.settingsreconciler.plan.Update;
import tools.jackson.databind.JsonNode;

/**
 * The plan as people read it in a terminal or a CI log, in the manner of Terraform: one block per object,
 * {@code ~ property: old -> new}, {@code +}/{@code -} for create and delete, where each desired value was written,
 * and a summary line. Settings that could not be read are listed as errors, never as changes.
 */
public final class PlanTextRenderer {

  /**
   * What the summary says of destructive changes: plan and check say what apply needs; apply says what it does with
   * them given the flags it was given, so it never asks for a flag that was passed.
   */
  public enum DestructiveNote {
    NEEDED(": apply needs --allow-destructive."),
    ALLOWED(", allowed by --allow-destructive."),
    NOT_ALLOWED(": not allowed, --allow-destructive was not given.");

    private final String words;

    DestructiveNote(String words) {
      this.words = words;
    }
  }

  private final PrintStream out;
  private final Palette palette;

  public PlanTextRenderer(PrintStream out) {
    this(out, Palette.PLAIN);
  }

  /** @param palette how symbols and verdicts are marked: in colour only for a terminal */
  public PlanTextRenderer(PrintStream out, Palette palette) {
    this.out = out;
    this.palette = palette;
  }

  public void render(Plan plan) {
    render(plan, DestructiveNote.NEEDED);
  }

  public void render(Plan plan, DestructiveNote note) {
    renderBody(plan, false);
    out.println(summary(plan, note, palette));
  }

  /**
   * A check: the plan's blocks (how each drifted setting differs), then the verdict in the words of drift rather
   * than of a plan: which settings differ from the YAML, or that none do.
   */
  public void renderCheck(Plan plan) {
    renderBody(plan, true);
    out.println(checkSummary(plan, palette));
  }

  private void renderBody(Plan plan, boolean drift) {
    for (Change c : plan.changes()) {
      renderChange(c, plan.describe(c.address()), drift);
    }
    for (ReadFailure f : plan.failures()) {
      out.println("  " + palette.bad("!") + " " + f.address() + " could not be read:");
      out.println("      " + (f.error() == null ? "no answer" : f.error().describe()));
      out.println();
    }
    renderWarnings(plan);
  }

  /** Items the tenant holds more than once, and creates held back: never hidden behind a "no changes". */
  public void renderWarnings(Plan plan) {
    for (Duplicate d : plan.duplicates()) {
      out.println("  " + palette.warn("!") + " " + d.address() + " " + d.problem());
      out.println("      " + d.advice() + ".");
      out.println();
    }
    for (PendingCreate p : plan.pending()) {
      out.println("  " + palette.warn("*") + " " + p.address() + " " + p.problem());
      out.println("      " + p.advice() + ".");
      out.println();
    }
  }

  public static String summary(Plan plan, DestructiveNote note) {
    return summary(plan, note, Palette.PLAIN);
  }

  private static String summary(Plan plan, DestructiveNote note, Palette palette) {
    if (!plan.hasChanges() && !plan.hasFailures() && !plan.hasWarnings()) {
      return palette.good("No changes.") + " The tenant matches the desired state (" + plan.unchanged()
          + " checked).";
    }
    return palette.strong("Plan:") + " " + counts(plan) + "." + trailer(plan, note, palette);
  }

  /** "0 to create, 2 to update, 0 to delete, 3 unchanged", with the actions where there are any. */
  private static String counts(Plan plan) {
    return String.format("%d to create, %d to update, %d to delete, %s%d unchanged",
        plan.count("create"), plan.count("update"), plan.count("delete"), actions(plan), plan.unchanged());
  }

  /**
   * The lines a plan and a check end with after their verdict: destructive changes, duplicates and held-back
   * creates, settings that could not be read; each after a line break, empty without any.
   */
  private static String trailer(Plan plan, DestructiveNote note, Palette palette) {
    String line = "";
    long destructive = plan.changes().stream().filter(c -> Destructive.reason(c).isPresent()).count();
    if (destructive > 0) {
      line += "\n" + Plural.count(destructive, "destructive change") + note.words;
    }
    line += warnings(plan, palette);
    if (plan.hasFailures()) {
      line += "\n" + palette.bad("Error:") + " " + plan.failures().size() + " could not be read; nothing is planned "
          + "for " + Plural.pick(plan.failures().size(), "it.", "them.");
    }
    return line;
  }

  /**
   * A check's verdict: "Drift: 2 settings differ from the YAML:" with their addresses and what apply would do to
   * undo it, or "No drift: ...". Settings that could not be read are an error, never drift (see CheckUseCase).
   */
  static String checkSummary(Plan plan, Palette palette) {
    List<String> drifted = new ArrayList<>(plan.statuses().stream()
        .filter(s -> s.state() == SettingStatus.State.DRIFTED).map(SettingStatus::address).toList());
    plan.duplicates().stream().filter(Duplicate::drift)
        .forEach(d -> drifted.add(d.address() + " (in the tenant " + d.ids().size() + " times)"));
    StringBuilder b = new StringBuilder();
    if (!drifted.isEmpty()) {
      b.append(palette.warn("Drift:")).append(' ').append(Plural.count(drifted.size(), "setting"))
          .append(Plural.pick(drifted.size(), " differs", " differ")).append(" from the YAML:");
      drifted.forEach(a -> b.append("\n  ").append(a));
      if (plan.hasChanges()) {
        // Without changes only duplicates drifted, which apply leaves alone without prune: it is not offered.
        b.append("\nApply would change the tenant back: ").append(counts(plan)).append('.');
      }
    } else if (plan.hasFailures()) {
      b.append(palette.good("No drift")).append(" in the ").append(Plural.count(plan.unchanged(), "setting"))
          .append(" that could be read.");
    } else if (plan.hasWarnings()) {
      // Not "the tenant matches": what the warnings above name is outside the YAML, but not nothing.
      b.append(palette.good("No drift")).append(" in the ").append(Plural.count(plan.unchanged(), "setting"))
          .append(" checked; see the warnings above.");
    } else {
      b.append(palette.good("No drift:")).append(" the tenant matches the YAML (")
          .append(Plural.count(plan.unchanged(), "setting")).append(" checked).");
    }
    return b.append(trailer(plan, DestructiveNote.NEEDED, palette)).toString();
  }

  /**
   * The actions a plan invokes, as the summary counts them ({@code "3 actions (2 block, 1 unblock), "}); empty
   * without any, so plans without actions read as they always have.
   */
  public static String actions(Plan plan) {
    long n = plan.count("invoke");
    if (n == 0) {
      return "";
    }
    Map<String, Long> byName = new LinkedHashMap<>();
    plan.changes().stream().filter(c -> c instanceof Invoke).map(c -> ((Invoke) c).name())
        .forEach(name -> byName.merge(name, 1L, Long::sum));
    List<String> parts = new ArrayList<>();
    byName.forEach((name, count) -> parts.add(count + " " + name));
    return Plural.count(n, "action") + " (" + String.join(", ", parts) + "), ";
  }

  /** The summary's lines about duplicates and held-back creates, each after a line break; empty without any. */
  static String warnings(Plan plan, Palette palette) {
    String out = "";
    int duplicates = plan.duplicates().size();
    if (duplicates > 0) {
      boolean kept = plan.duplicates().stream().anyMatch(d -> !d.prune());
      out += "\n" + palette.warn("Warning:") + " " + Plural.count(duplicates, "item") + Plural.pick(duplicates, " is", " are")
          + " in the tenant more than once (see above)"
          + (kept ? "; without prune, apply does not remove an extra copy." : ".");
    }
    int pending = plan.pending().size();
    if (pending > 0) {
      out += "\n" + Plural.count(pending, "create") + Plural.pick(pending, " is", " are")
          + " not sent again: an earlier apply sent " + Plural.pick(pending, "it", "them")
          + " moments ago, and Graph does not show " + Plural.pick(pending, "it", "them") + " yet (see above).";
    }
    return out;
  }

  /** One change's block, as in the plan; also the text of a drifted setting in JUnit reports. */
  public void renderChange(Change c) {
    renderChange(c, null);
  }

  /** As {@link #renderChange(Change)}, with what the tenant calls the item (see Plan.description), or null. */
  public void renderChange(Change c, String description) {
    renderChange(c, description, false);
  }

  /**
   * @param drift whether the headline says how the tenant differs from the YAML (a check) rather than what apply
   *     will do (a plan); the lines below it are the same
   */
  private void renderChange(Change c, String description, boolean drift) {
    String headline = c instanceof Create ? palette.added("+") + " " + c.address()
            + (drift ? " is in the YAML, not in the tenant" : " will be created")
        : c instanceof Delete ? palette.removed("-") + " " + c.address()
            + (drift ? " is in the tenant, not in the YAML" : " will be deleted")
        : c instanceof Invoke i ? palette.action("~") + " " + c.address()
            + (drift ? " differs from the YAML (the action " + i.name() + " would fix it)"
                : " will be updated by the action " + i.name())
        : palette.changed("~") + " " + c.address() + (drift ? " differs from the YAML" : " will be updated");
    String reason = PlanJson.reason(c).map(r -> " (" + r + ")").orElse("");
    out.println("  " + headline + reason);
    if (description != null) {
      out.println("      # " + description);
    }
    Destructive.reason(c).ifPresent(r -> out.println("      " + palette.bad("! DESTRUCTIVE:") + " " + r));
    out.println("      " + c.method() + " " + c.path());
    if (!c.dependsOn().isEmpty()) {
      // What apply sends first, and waits on: the plan lists it above.
      out.println("      after: " + String.join(", ", c.dependsOn()));
    }
    if (c instanceof Delete d) {
      d.before().properties().forEach(e -> out.println("      " + palette.removed("-") + " " + e.getKey() + ": "
          + e.getValue()));
    } else if (c instanceof Create cr) {
      cr.properties().forEach(p -> renderProperty(c, "+", p));
    } else {
      PlanJson.properties(c).forEach(p -> renderProperty(c, "~", p));
      if (c instanceof Update u) {
        renderResent(u);
      }
    }
    out.println();
  }

  private void renderProperty(Change c, String symbol, PropertyChange p) {
    String source = p.source() == null ? "" : "    # " + ProvenanceText.source(p);
    String mark = symbol.equals("+") ? palette.added(symbol) : palette.changed(symbol);
    if (LongValueDiff.applies(p.before(), p.after())) {
      out.println("      " + mark + " " + p.name() + ":" + source);
      List<String> lines =
          symbol.equals("+") ? LongValueDiff.added(p.after()) : LongValueDiff.unified(p.before(), p.after());
      lines.forEach(line -> out.println("          " + line));
    } else if (symbol.equals("+")) {
      out.println("      " + mark + " " + p.name() + ": " + ProvenanceText.after(p) + source);
    } else {
      out.println("      " + mark + " " + p.name() + ": " + text(p.before()) + " -> " + ProvenanceText.after(p) + source);
    }
    String names = ProvenanceText.names(p);
    if (names != null) {
      out.println("          # " + names);
    }
    for (Note note : c.notes()) {
      if (note.property().equals(p.name())) {
        out.println("          " + noteLine(note));
      }
    }
  }

  /** A note as the text plan shows it, under its property: {@code note: TEXT; after apply: VALUE}. */
  public static String noteLine(Note note) {
    return "note: " + note.text() + (note.afterApply() == null ? "" : "; after apply: " + note.afterApply());
  }

  /** Properties the body carries unchanged because the API requires them: shown, so the plan hides nothing sent. */
  private void renderResent(Update u) {
    Set<String> changed = new HashSet<>();
    u.properties().forEach(p -> changed.add(p.name()));
    u.body().properties().forEach(e -> {
      if (!changed.contains(e.getKey())) {
        out.println("      = " + e.getKey() + ": " + ProvenanceText.resent(u, e.getKey())
            + "    (unchanged; sent because Graph requires it)");
      }
    });
  }

  private static String text(JsonNode n) {
    return n == null ? "null" : n.toString();
  }
}
