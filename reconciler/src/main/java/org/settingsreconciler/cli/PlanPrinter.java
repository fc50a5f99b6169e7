package org.settingsreconciler.cli;

import org.settingsreconciler.run.GraphSession;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.settingsreconciler.plan.Duplicate;
import org.settingsreconciler.plan.Plan;
import org.settingsreconciler.plan.SettingStatus;
import org.settingsreconciler.render.CheckJUnitReport;
import org.settingsreconciler.render.CheckJson;
import org.settingsreconciler.plan.PlanJson;
import org.settingsreconciler.plan.SavedPlan;
import org.settingsreconciler.render.PlanMarkdownRenderer;
import org.settingsreconciler.render.PlanTextRenderer;
import org.settingsreconciler.tenant.TenantIdentity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Prints and saves plans and checks, in every format, in one place for plan, apply and check. */
final class PlanPrinter {

  static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private PlanPrinter() {}

  /** What is rendered: a plan (plan, apply), or a check, which is a plan read as drift. */
  enum Kind {
    PLAN("settings-reconciler plan"),
    CHECK("settings-reconciler check");

    final String title;

    Kind(String title) {
      this.title = title;
    }
  }

  /** Every format a plan or check is rendered in: on stdout (text, JSON, Markdown) or in a report file (also JUnit). */
  enum Format {
    TEXT,
    JSON,
    MARKDOWN,
    JUNIT
  }

  /** Prints the plan; the JSON printed, when the format is JSON, else null. */
  static JsonNode print(CliContext ctx, Plan plan, OutputFormat format, GraphSession session) {
    return print(ctx, Kind.PLAN, plan, format, session, PlanTextRenderer.DestructiveNote.NEEDED);
  }

  /**
   * Prints a plan or a check on stdout, with what the summary says of destructive changes (see
   * PlanTextRenderer.DestructiveNote); returns the JSON printed, when the format is JSON, else null.
   */
  static JsonNode print(CliContext ctx, Kind kind, Plan plan, OutputFormat format, GraphSession session,
      PlanTextRenderer.DestructiveNote note) {
    Format as = switch (format) {
      case text -> Format.TEXT;
      case json -> Format.JSON;
      case markdown -> Format.MARKDOWN;
    };
    if (as == Format.JSON) {
      JsonNode json = json(kind, plan, session);
      ctx.out().println(JSON.writeValueAsString(json));
      return json;
    }
    // Rendered whole, then written once: the output stream masks and flushes per write, and a plan of a thousand
    // users is thousands of lines.
    byte[] text = render(kind, as, plan, session, note).getBytes(StandardCharsets.UTF_8);
    ctx.out().write(text, 0, text.length);
    ctx.out().flush();
    return null;
  }

  /** The one dispatch from a kind and a format to what is written. */
  static String render(Kind kind, Format format, Plan plan, GraphSession session,
      PlanTextRenderer.DestructiveNote note) {
    String origin = session.origin();
    return switch (format) {
      case JSON -> JSON.writeValueAsString(json(kind, plan, session)) + "\n";
      case MARKDOWN -> new PlanMarkdownRenderer(kind.title).render(plan, origin);
      case JUNIT -> CheckJUnitReport.write(plan, origin);
      case TEXT -> text(kind, plan, origin, note);
    };
  }

  private static JsonNode json(Kind kind, Plan plan, GraphSession session) {
    return kind == Kind.PLAN ? PlanJson.write(plan, session.identity()) : CheckJson.write(plan, session.identity());
  }

  /** A plan as text; a check's ends with the settings that drifted. */
  private static String text(Kind kind, Plan plan, String origin, PlanTextRenderer.DestructiveNote note) {
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    try (PrintStream to = new PrintStream(text, false, StandardCharsets.UTF_8)) {
      if (plan.hasChanges() || plan.hasFailures()) {
        to.println("Planned against " + origin + ":");
        to.println();
      }
      new PlanTextRenderer(to).render(plan, note);
      if (kind == Kind.CHECK) {
        driftList(plan, to);
      }
    }
    return text.toString(StandardCharsets.UTF_8);
  }

  private static void driftList(Plan plan, PrintStream to) {
    List<String> drifted = plan.statuses().stream()
        .filter(s -> s.state() == SettingStatus.State.DRIFTED).map(SettingStatus::address).toList();
    List<Duplicate> duplicated = plan.duplicates().stream().filter(Duplicate::drift).toList();
    if (!drifted.isEmpty() || !duplicated.isEmpty()) {
      to.println();
      to.println("Drift: " + (drifted.size() + duplicated.size()) + " setting(s) differ from the desired state:");
      drifted.forEach(a -> to.println("  " + a));
      duplicated.forEach(d -> to.println("  " + d.address() + " (in the tenant " + d.ids().size() + " times)"));
    }
  }

  /**
   * Saves the plan for {@code apply --plan}, bound to the tenant it was made for, readable by its owner only (plans
   * show the tenant's settings), with the real values apply will send, and the secret values among them named, so
   * that {@code apply --plan} masks them as this run does. Not saved, and false, when it holds a credential.
   */
  static boolean save(CliContext ctx, Plan plan, TenantIdentity tenant, Path file) {
    List<String> secretValues = ctx.secrets().valuesIn(SavedPlan.changesText(plan.changes()));
    SavedPlan saved = new SavedPlan(tenant, ReconcilerCommand.VERSION, ctx.clock().instant(), plan.changes(),
        secretValues);
    String content = JSON.writeValueAsString(saved.toJson()) + "\n";
    if (!ctx.secrets().maskCredentials(content).equals(content)) {
      // A credential is never written to a file, and a plan with it masked is not the plan: its seal and its
      // before values would no longer match, so apply --plan could only refuse it.
      ctx.err().println("The plan was not saved: it holds a credential this run signs in with (a value the tenant "
          + "holds, or one the plan would send), which is never written to a file.");
      return false;
    }
    OutputFiles.writeWithValues(ctx, file, content, "the plan");
    return true;
  }
}
