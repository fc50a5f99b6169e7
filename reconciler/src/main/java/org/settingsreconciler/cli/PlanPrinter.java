package org.settingsreconciler.cli;

import org.settingsreconciler.run.GraphSession;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.settingsreconciler.plan.Plan;
import org.settingsreconciler.plan.PlanJson;
import org.settingsreconciler.plan.SavedPlan;
import org.settingsreconciler.render.PlanMarkdownRenderer;
import org.settingsreconciler.render.PlanTextRenderer;
import org.settingsreconciler.tenant.TenantIdentity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Prints and saves plans, in one place for plan, apply and check. */
final class PlanPrinter {

  static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  static final String PLAN_TITLE = "settings-reconciler plan";

  private PlanPrinter() {}

  /** Prints the plan; the JSON printed, when the format is JSON, else null. */
  static JsonNode print(CliContext ctx, Plan plan, OutputFormat format, GraphSession session) {
    return print(ctx, plan, format, session, PlanTextRenderer.DestructiveNote.NEEDED);
  }

  /** With what the summary says of destructive changes (see PlanTextRenderer.DestructiveNote). */
  static JsonNode print(
      CliContext ctx, Plan plan, OutputFormat format, GraphSession session, PlanTextRenderer.DestructiveNote note) {
    String origin = session.origin();
    if (format == OutputFormat.json) {
      JsonNode json = PlanJson.write(plan, session.identity());
      ctx.out().println(JSON.writeValueAsString(json));
      return json;
    }
    if (format == OutputFormat.markdown) {
      ctx.out().print(new PlanMarkdownRenderer(PLAN_TITLE).render(plan, origin));
      return null;
    }
    if (plan.hasChanges() || plan.hasFailures()) {
      ctx.out().println("Planned against " + origin + ":");
      ctx.out().println();
    }
    // Rendered whole, then written once: the output stream masks and flushes per write, and a plan of a thousand
    // users is thousands of lines.
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    try (PrintStream to = new PrintStream(text, false, StandardCharsets.UTF_8)) {
      new PlanTextRenderer(to).render(plan, note);
    }
    ctx.out().write(text.toByteArray(), 0, text.size());
    ctx.out().flush();
    return null;
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
