package org.settingsreconciler.render;

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

  public PlanTextRenderer(PrintStream out) {
    this.out = out;
  }

  public void render(Plan plan) {
    render(plan, DestructiveNote.NEEDED);
  }

  public void render(Plan plan, DestructiveNote note) {
    for (Change c : plan.changes()) {
      renderChange(c, plan.describe(c.address()));
    }
    for (ReadFailure f : plan.failures()) {
      out.println("  ! " + f.address() + " could not be read:");
      out.println("      " + (f.error() == null ? "no answer" : f.error().describe()));
      out.println();
    }
    renderWarnings(plan);
    out.println(summary(plan, note));
  }

  /** Items the tenant holds more than once, and creates held back: never hidden behind a "no changes". */
  public void renderWarnings(Plan plan) {
    for (Duplicate d : plan.duplicates()) {
      out.println("  ! " + d.address() + " " + d.problem());
      out.println("      " + d.advice() + ".");
      out.println();
    }
    for (PendingCreate p : plan.pending()) {
      out.println("  * " + p.address() + " " + p.problem());
      out.println("      " + p.advice() + ".");
      out.println();
    }
  }

  public static String summary(Plan plan, DestructiveNote note) {
    if (!plan.hasChanges() && !plan.hasFailures() && !plan.hasWarnings()) {
      return "No changes. The tenant matches the desired state (" + plan.unchanged() + " checked).";
    }
    String line =
        String.format(
            "Plan: %d to create, %d to update, %d to delete, %s%d unchanged.",
            plan.count("create"), plan.count("update"), plan.count("delete"), actions(plan), plan.unchanged());
    long destructive = plan.changes().stream().filter(c -> Destructive.reason(c).isPresent()).count();
    if (destructive > 0) {
      line += "\n" + destructive + " destructive change(s)" + note.words;
    }
    line += warnings(plan);
    if (plan.hasFailures()) {
      line +=
          "\nError: " + plan.failures().size() + " could not be read; nothing is planned for "
              + (plan.failures().size() == 1 ? "it." : "them.");
    }
    return line;
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
    return n + (n == 1 ? " action" : " actions") + " (" + String.join(", ", parts) + "), ";
  }

  /** The summary's lines about duplicates and held-back creates, each after a line break; empty without any. */
  static String warnings(Plan plan) {
    String out = "";
    int duplicates = plan.duplicates().size();
    if (duplicates > 0) {
      boolean kept = plan.duplicates().stream().anyMatch(d -> !d.prune());
      out += "\nWarning: " + duplicates + (duplicates == 1 ? " item is" : " items are")
          + " in the tenant more than once (see above)"
          + (kept ? "; without prune, apply does not remove an extra copy." : ".");
    }
    int pending = plan.pending().size();
    if (pending > 0) {
      out += "\n" + pending + (pending == 1 ? " create is" : " creates are")
          + " not sent again: an earlier apply sent " + (pending == 1 ? "it" : "them")
          + " moments ago, and Graph does not show " + (pending == 1 ? "it" : "them") + " yet (see above).";
    }
    return out;
  }

  /** One change's block, as in the plan; also the text of a drifted setting in JUnit reports. */
  public void renderChange(Change c) {
    renderChange(c, null);
  }

  /** As {@link #renderChange(Change)}, with what the tenant calls the item (see Plan.description), or null. */
  public void renderChange(Change c, String description) {
    String headline = c instanceof Create ? "+ " + c.address() + " will be created"
        : c instanceof Delete ? "- " + c.address() + " will be deleted"
        : c instanceof Invoke i ? "~ " + c.address() + " will be updated by the action " + i.name()
        : "~ " + c.address() + " will be updated";
    String reason = PlanJson.reason(c).map(r -> " (" + r + ")").orElse("");
    out.println("  " + headline + reason);
    if (description != null) {
      out.println("      # " + description);
    }
    Destructive.reason(c).ifPresent(r -> out.println("      ! DESTRUCTIVE: " + r));
    out.println("      " + c.method() + " " + c.path());
    if (!c.dependsOn().isEmpty()) {
      // What apply sends first, and waits on: the plan lists it above.
      out.println("      after: " + String.join(", ", c.dependsOn()));
    }
    if (c instanceof Delete d) {
      d.before().properties().forEach(e -> out.println("      - " + e.getKey() + ": " + e.getValue()));
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
    if (LongValueDiff.applies(p.before(), p.after())) {
      out.println("      " + symbol + " " + p.name() + ":" + source);
      List<String> lines =
          symbol.equals("+") ? LongValueDiff.added(p.after()) : LongValueDiff.unified(p.before(), p.after());
      lines.forEach(line -> out.println("          " + line));
    } else if (symbol.equals("+")) {
      out.println("      + " + p.name() + ": " + ProvenanceText.after(p) + source);
    } else {
      out.println("      ~ " + p.name() + ": " + text(p.before()) + " -> " + ProvenanceText.after(p) + source);
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
        out.println("      = " + e.getKey() + ": " + text(e.getValue()) + "    (unchanged; sent because Graph requires it)");
      }
    });
  }

  private static String text(JsonNode n) {
    return n == null ? "null" : n.toString();
  }
}
