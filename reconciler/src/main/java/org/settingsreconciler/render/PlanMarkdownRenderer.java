package org.settingsreconciler.render;

import org.settingsreconciler.text.Plural;
import static org.settingsreconciler.text.MarkdownText.cell;
import static org.settingsreconciler.text.MarkdownText.code;
import static org.settingsreconciler.text.MarkdownText.text;

import org.settingsreconciler.text.MarkdownText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.settingsreconciler.graph.GraphError;
import org.settingsreconciler.plan.Change;
import org.settingsreconciler.plan.Destructive;
import org.settingsreconciler.plan.Plan;
import org.settingsreconciler.plan.SettingStatus;
import org.settingsreconciler.plan.SettingStatus.State;

/**
 * The plan as Markdown for pull-request comments and CI job summaries: a heading, what it means in a few lines, a
 * summary table, then the settings that could not be read (errors, never changes), one collapsible section per
 * changed setting, and the settings in sync. GitHub refuses comments over 65,536 characters, so the output stays
 * under a limit: when it would not, the per-setting detail is cut (never the summary) and a last line says how
 * much was cut and where the full plan is.
 */
public final class PlanMarkdownRenderer {

  /** Under GitHub's 65,536-character comment limit, with room for a caller's own header or footer. */
  public static final int GITHUB_COMMENT_LIMIT = 60_000;

  private static final int NAMED_DESTRUCTIVE = 10;

  private final String title;
  private final int limit;
  /** Whether this is a check, worded as drift from the YAML rather than as changes to make. */
  private final boolean check;

  public PlanMarkdownRenderer(String title) {
    this(title, GITHUB_COMMENT_LIMIT);
  }

  /** @param limit the most characters to produce; the summary is never cut, so it is exceeded only below that */
  public PlanMarkdownRenderer(String title, int limit) {
    this(title, limit, false);
  }

  private PlanMarkdownRenderer(String title, int limit, boolean check) {
    this.title = title;
    this.limit = limit;
    this.check = check;
  }

  /** A check's report: the same sections, its verdict and its changes worded as drift. */
  public static PlanMarkdownRenderer check(String title) {
    return new PlanMarkdownRenderer(title, GITHUB_COMMENT_LIMIT, true);
  }

  public String render(Plan plan, String origin) {
    List<SettingStatus> statuses = plan.statuses();
    String header = header(plan, statuses, origin);
    List<Part> parts = parts(statuses, plan, check ? "Drift" : "Changes");
    String full = assemble(header, parts, Integer.MAX_VALUE, new int[State.values().length]);
    if (full.length() <= limit) {
      return full;
    }
    int[] cut = new int[State.values().length];
    int most = statuses.size();
    // One more character for the blank line before the cut line.
    String kept = assemble(header, parts, limit - cutLine(most, most, most).length() - 1, cut);
    int changed = cut[State.DRIFTED.ordinal()];
    int unknown = cut[State.UNKNOWN.ordinal()];
    int inSync = cut[State.IN_SYNC.ordinal()];
    return changed + unknown + inSync == 0 ? kept : kept + blankLine(kept) + cutLine(changed, unknown, inSync);
  }

  /** The header, then parts in order while they fit in {@code room}; counts the settings of the rest in cut. */
  private static String assemble(String header, List<Part> parts, int room, int[] cut) {
    StringBuilder out = new StringBuilder(header);
    String section = null;
    boolean full = false;
    for (Part p : parts) {
      String piece = p.head().equals(section) ? p.text() : blankLine(out) + p.head() + p.text();
      full = full || out.length() + piece.length() > room;
      if (full) {
        cut[p.state().ordinal()] += p.settings();
      } else {
        out.append(piece);
        section = p.head();
      }
    }
    return out.toString();
  }

  private String header(Plan plan, List<SettingStatus> statuses, String origin) {
    long drifted = statuses.stream().filter(s -> s.state() == State.DRIFTED).count();
    List<Change> destructive = plan.changes().stream().filter(c -> Destructive.reason(c).isPresent()).toList();
    StringBuilder b = new StringBuilder("## ").append(text(title)).append("\n\n");
    b.append("Against ").append(text(origin)).append(".\n\n");
    if (drifted > 0 || plan.unchanged() > 0 || !plan.hasFailures()) {
      b.append("- ").append(check ? checkVerdict(drifted, statuses.size(), plan)
          : verdict(drifted, statuses.size(), plan)).append('\n');
    }
    if (!destructive.isEmpty()) {
      b.append("- ⚠️ **").append(count(destructive.size(), "destructive change"))
          .append("**, refused by apply without `--allow-destructive`: ");
      List<String> names = new ArrayList<>();
      destructive.stream().limit(NAMED_DESTRUCTIVE).forEach(c -> names.add(code(c.address())));
      if (destructive.size() > NAMED_DESTRUCTIVE) {
        names.add("and " + (destructive.size() - NAMED_DESTRUCTIVE) + " more");
      }
      b.append(String.join(", ", names)).append(".\n");
    }
    if (!plan.duplicates().isEmpty()) {
      b.append("- ⚠️ **").append(count(plan.duplicates().size(), "item"))
          .append(Plural.pick(plan.duplicates().size(), " is", " are")).append(" in the tenant more than once**: see "
              + "below.\n");
    }
    if (!plan.pending().isEmpty()) {
      b.append("- ⏳ **").append(count(plan.pending().size(), "create")).append(" not sent again**: an earlier "
          + "apply sent ").append(Plural.pick(plan.pending().size(), "it", "them")).append(" moments ago, and Graph does "
          + "not show ").append(Plural.pick(plan.pending().size(), "it", "them")).append(" yet.\n");
    }
    if (plan.hasFailures()) {
      b.append("- ❌ **").append(count(plan.failures().size(), "setting")).append(" could not be read.** ")
          .append("That is an error, not drift: nothing is planned for ")
          .append(Plural.pick(plan.failures().size(), "it", "them")).append(".\n");
    }
    // The actions column only where the plan invokes any, so plans without actions read as they always have.
    boolean actions = plan.count("invoke") > 0;
    b.append("\n| create | update | delete |").append(actions ? " actions |" : "")
        .append(" unchanged | could not be read | destructive |\n")
        .append("|---:|---:|---:|").append(actions ? "---:|" : "").append("---:|---:|---:|\n")
        .append("| ").append(plan.count("create")).append(" | ").append(plan.count("update"))
        .append(" | ").append(plan.count("delete"))
        .append(actions ? " | " + plan.count("invoke") : "").append(" | ").append(plan.unchanged())
        .append(" | ").append(plan.failures().size()).append(" | ").append(destructive.size()).append(" |\n");
    warnings(b, plan);
    return b.toString();
  }

  /**
   * Duplicates and held-back creates, in the header: part of the summary, so never cut. A long list is cut at
   * {@value #NAMED_WARNINGS} items; the text and JSON plans list them all.
   */
  private static void warnings(StringBuilder b, Plan plan) {
    List<String> duplicates = plan.duplicates().stream()
        .map(d -> item(d.address(), d.problem(), d.advice())).toList();
    List<String> pending = plan.pending().stream()
        .map(p -> item(p.address(), p.problem(), p.advice())).toList();
    section(b, "### ⚠️ In the tenant more than once (" + duplicates.size() + ")", duplicates);
    section(b, "### ⏳ Created moments ago, not yet visible (" + pending.size() + ")", pending);
  }

  private static final int NAMED_WARNINGS = 20;

  private static String item(String address, String problem, String advice) {
    return "- " + code(address) + " " + text(problem) + " — " + text(advice) + ".\n";
  }

  private static void section(StringBuilder b, String head, List<String> items) {
    if (items.isEmpty()) {
      return;
    }
    b.append('\n').append(head).append("\n\n");
    items.stream().limit(NAMED_WARNINGS).forEach(b::append);
    if (items.size() > NAMED_WARNINGS) {
      b.append("- and ").append(items.size() - NAMED_WARNINGS)
          .append(" more: run the command again with `--format text` or `--format json` for all of them.\n");
    }
  }

  private static String verdict(long drifted, int total, Plan plan) {
    if (drifted > 0) {
      return "🔸 **" + drifted + " of " + count(total, "setting") + Plural.pick(drifted, " differs", " differ")
          + "** from the desired state.";
    }
    if (plan.hasFailures()) {
      return "✅ **No drift** in the " + count(plan.unchanged(), "setting") + " that could be read.";
    }
    if (plan.drifted()) {
      return "🔸 **Nothing to apply, but the tenant differs** from the desired state: see the duplicates below.";
    }
    if (plan.hasWarnings()) {
      return "✅ **Nothing to apply.** " + Plural.pick(plan.unchanged(), "The 1 setting read matches",
          "The " + plan.unchanged() + " settings read match") + " the desired state; see below for the rest.";
    }
    return "✅ **No changes.** " + Plural.pick(plan.unchanged(), "The 1 setting matches", "All " + plan.unchanged()
        + " settings match") + " the desired state.";
  }

  /** A check's verdict: drift from the YAML, or none. */
  private static String checkVerdict(long drifted, int total, Plan plan) {
    if (drifted > 0) {
      return "🔸 **Drift: " + drifted + " of " + count(total, "setting") + Plural.pick(drifted, " differs", " differ")
          + "** from the YAML.";
    }
    if (plan.hasFailures()) {
      return "✅ **No drift** in the " + count(plan.unchanged(), "setting") + " that could be read.";
    }
    if (plan.drifted()) {
      return "🔸 **Drift:** the tenant holds items more than once: see the duplicates below.";
    }
    if (plan.hasWarnings()) {
      return "✅ **No drift.** " + Plural.pick(plan.unchanged(), "The 1 setting read matches",
          "The " + plan.unchanged() + " settings read match") + " the YAML; see below for the rest.";
    }
    return "✅ **No drift.** The tenant matches the YAML (" + count(plan.unchanged(), "setting") + " checked).";
  }

  /**
   * The sections after the summary, each setting's part cut as a whole; parts of one section share its head.
   *
   * @param changes what the section of changed settings is called: "Changes" in a plan, "Drift" in a check
   */
  private static List<Part> parts(List<SettingStatus> statuses, Plan plan, String changes) {
    List<SettingStatus> unknown = of(statuses, State.UNKNOWN);
    List<SettingStatus> drifted = of(statuses, State.DRIFTED);
    List<SettingStatus> inSync = of(statuses, State.IN_SYNC);
    List<Part> parts = new ArrayList<>();
    String failuresHead = "### ❌ Could not be read (" + unknown.size() + ")\n\n"
        + "| setting | status | code | request-id | message |\n|---|---|---|---|---|\n";
    unknown.forEach(s -> parts.add(new Part(failuresHead, failureRow(s), State.UNKNOWN, 1)));
    String changesHead = "### " + changes + " (" + drifted.size() + ")\n\n";
    drifted.forEach(s -> parts.add(new Part(changesHead,
        MarkdownChangeSection.render(s, plan.describe(s.address())) + "\n", State.DRIFTED, 1)));
    if (!inSync.isEmpty()) {
      StringBuilder b = new StringBuilder("<details>\n<summary>" + count(inSync.size(), "setting") + "</summary>\n\n");
      inSync.forEach(s -> b.append("- ").append(code(s.address())).append('\n'));
      String head = "### ✅ In sync (" + inSync.size() + ")\n\n";
      parts.add(new Part(head, b.append("\n</details>\n").toString(), State.IN_SYNC, inSync.size()));
    }
    return parts;
  }

  private static String failureRow(SettingStatus s) {
    GraphError e = s.error();
    if (e == null) {
      return "| " + cell(s.address()) + " | no answer | — | — | — |\n";
    }
    String message = GraphErrorText.message(e);
    return "| " + cell(s.address())
        + " | " + (e.status() == 0 ? "no response" : String.valueOf(e.status()))
        + " | " + (e.code() == null ? "—" : cell(e.code() + (e.innerCode() == null ? "" : "/" + e.innerCode())))
        + " | " + requestIdCell(e)
        + " | " + (message.isEmpty() ? "—" : text(message)) + " |\n";
  }

  /** Graph's request-id; without an answer, the client-request-id that was sent. */
  private static String requestIdCell(GraphError e) {
    if (e.requestId() != null) {
      return cell(e.requestId());
    }
    return e.clientRequestId() == null ? "—" : cell("client-request-id " + e.clientRequestId());
  }

  private String cutLine(int changed, int unknown, int inSync) {
    List<String> what = new ArrayList<>();
    if (changed > 0) {
      what.add(changed + " changed");
    }
    if (unknown > 0) {
      what.add(unknown + " that could not be read");
    }
    if (inSync > 0) {
      what.add(inSync + " in sync");
    }
    return "✂️ **The details of " + count(changed + unknown + inSync, "setting") + " were cut** ("
        + String.join(", ", what) + ") to stay under " + String.format(Locale.ROOT, "%,d", limit)
        + " characters; the summary above counts them all. For the full plan, see the job log, or run the command "
        + "again with `--format text` or `--format json`.\n";
  }

  /** What to add so that the next block follows a blank line, as a heading or HTML block after a table must. */
  private static String blankLine(CharSequence out) {
    int n = out.length();
    return n >= 2 && out.charAt(n - 1) == '\n' && out.charAt(n - 2) == '\n' ? "" : "\n";
  }

  private static List<SettingStatus> of(List<SettingStatus> statuses, State state) {
    return statuses.stream().filter(s -> s.state() == state).toList();
  }

  private static String count(long n, String noun) {
    return Plural.count(n, noun);
  }

  /** Text for one or more settings, kept or cut as a whole; {@code head} opens its section. */
  private record Part(String head, String text, State state, int settings) {}
}
