package org.settingsreconciler.cli;

import org.settingsreconciler.run.GraphSession;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.settingsreconciler.plan.Plan;
import org.settingsreconciler.render.CheckJUnitReport;
import org.settingsreconciler.render.CheckJson;
import org.settingsreconciler.plan.PlanJson;
import org.settingsreconciler.render.PlanMarkdownRenderer;
import org.settingsreconciler.render.Palette;
import org.settingsreconciler.render.PlanTextRenderer;
import org.settingsreconciler.tenant.TenantIdentity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Prints plans and checks, in every format, in one place for plan, apply and check. */
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
    // Colour only text, on a terminal (see Colours); JSON and Markdown are for machines and pages, never coloured.
    Palette palette = as == Format.TEXT ? ctx.colours().out() : Palette.PLAIN;
    byte[] text = render(kind, as, plan, session, note, palette).getBytes(StandardCharsets.UTF_8);
    ctx.out().write(text, 0, text.length);
    ctx.out().flush();
    return null;
  }

  /** The one dispatch from a kind and a format to what is written: for a file, never coloured. */
  static String render(Kind kind, Format format, Plan plan, GraphSession session,
      PlanTextRenderer.DestructiveNote note) {
    return render(kind, format, plan, session, note, Palette.PLAIN);
  }

  private static String render(Kind kind, Format format, Plan plan, GraphSession session,
      PlanTextRenderer.DestructiveNote note, Palette palette) {
    String origin = session.origin();
    return switch (format) {
      case JSON -> JSON.writeValueAsString(json(kind, plan, session)) + "\n";
      case MARKDOWN -> (kind == Kind.CHECK ? PlanMarkdownRenderer.check(kind.title)
          : new PlanMarkdownRenderer(kind.title)).render(plan, origin);
      case JUNIT -> CheckJUnitReport.write(plan, origin);
      case TEXT -> text(kind, plan, origin, note, palette);
    };
  }

  private static JsonNode json(Kind kind, Plan plan, GraphSession session) {
    return json(kind, plan, session.identity());
  }

  /** A plan or a check as {@code --format json} prints it, naming the tenant it was made for. */
  static JsonNode json(Kind kind, Plan plan, TenantIdentity tenant) {
    return kind == Kind.PLAN ? PlanJson.write(plan, tenant) : CheckJson.write(plan, tenant);
  }

  /** A plan as text; a check in the words of drift, ending with the settings that drifted. */
  private static String text(Kind kind, Plan plan, String origin, PlanTextRenderer.DestructiveNote note,
      Palette palette) {
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    try (PrintStream to = new PrintStream(text, false, StandardCharsets.UTF_8)) {
      if (plan.hasChanges() || plan.hasFailures()) {
        to.println((kind == Kind.CHECK ? "Checked against " : "Planned against ") + origin + ":");
        to.println();
      }
      PlanTextRenderer renderer = new PlanTextRenderer(to, palette);
      if (kind == Kind.CHECK) {
        renderer.renderCheck(plan);
      } else {
        renderer.render(plan, note);
      }
    }
    return text.toString(StandardCharsets.UTF_8);
  }
}
