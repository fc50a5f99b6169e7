package org.settingsreconciler.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.settingsreconciler.plan.Plan;
import org.settingsreconciler.plan.PlanJson;
import org.settingsreconciler.render.PlanMarkdownRenderer;
import org.settingsreconciler.render.PlanTextRenderer;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Prints and saves plans, in one place for plan, apply and check. */
final class PlanPrinter {

  static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  static final String PLAN_TITLE = "settings-reconciler plan";

  private PlanPrinter() {}

  static void print(CliContext ctx, Plan plan, OutputFormat format, String origin) {
    print(ctx, plan, format, origin, PlanTextRenderer.DestructiveNote.NEEDED);
  }

  /** With what the summary says of destructive changes (see PlanTextRenderer.DestructiveNote). */
  static void print(
      CliContext ctx, Plan plan, OutputFormat format, String origin, PlanTextRenderer.DestructiveNote note) {
    if (format == OutputFormat.json) {
      ctx.out().println(JSON.writeValueAsString(PlanJson.write(plan)));
      return;
    }
    if (format == OutputFormat.markdown) {
      ctx.out().print(new PlanMarkdownRenderer(PLAN_TITLE).render(plan, origin));
      return;
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
  }

  /** Saves the plan JSON readable by its owner only: plans show the tenant's settings. */
  static void save(Plan plan, Path file) {
    writeOwnerOnly(file, JSON.writeValueAsString(PlanJson.write(plan)) + "\n", "the plan");
  }

  /**
   * Writes {@code content} to {@code file} readable by its owner only, through a temporary file moved over it, so
   * a reader never sees half a file and an existing file's wider permissions are not kept.
   *
   * @param what what is written, for the error message
   */
  static void writeOwnerOnly(Path file, String content, String what) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Path tmp = Files.createTempFile(parent, ".reconciler-", ".tmp");
      try {
        ownerOnly(tmp);
        Files.writeString(tmp, content);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UserError("cannot write " + what + " to " + file + ": " + e.getMessage());
    }
  }

  static void ownerOnly(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // Windows: the file inherits the folder's ACL.
    }
  }
}
