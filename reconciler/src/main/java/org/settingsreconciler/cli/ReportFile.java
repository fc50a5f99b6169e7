package org.settingsreconciler.cli;

import org.settingsreconciler.run.GraphSession;
import java.nio.file.Path;
import java.util.Locale;
import org.settingsreconciler.plan.Plan;
import org.settingsreconciler.render.PlanTextRenderer;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code check --report FILE}: a file a scheduled check leaves for CI to publish, in the format its extension
 * names. Checked when the command line is parsed, so a wrong name fails before any request.
 */
record ReportFile(Path path, Format format) {

  enum Format {
    JSON(".json"),
    MARKDOWN(".md"),
    JUNIT(".xml");

    final String extension;

    Format(String extension) {
      this.extension = extension;
    }

    /** The check in this format; {@code check --format json|markdown} prints the same as the report. */
    String render(Plan plan, GraphSession session) {
      PlanPrinter.Format as = switch (this) {
        case JSON -> PlanPrinter.Format.JSON;
        case MARKDOWN -> PlanPrinter.Format.MARKDOWN;
        case JUNIT -> PlanPrinter.Format.JUNIT;
      };
      return PlanPrinter.render(PlanPrinter.Kind.CHECK, as, plan, session, PlanTextRenderer.DestructiveNote.NEEDED);
    }

  }

  /** The same report written to another file: a fleet tenant's, with {@code {tenant}} filled in. */
  ReportFile at(Path file) {
    return new ReportFile(file, format);
  }

  /**
   * Writes the report, readable by its owner only (it shows the tenant's settings) and masked like the output: CI
   * publishes it (the Markdown as a job summary or a pull-request comment).
   */
  void write(CliContext ctx, Plan plan, GraphSession session) {
    OutputFiles.writeReport(ctx, path, format.render(plan, session), "the report");
  }

  static final class Converter implements ITypeConverter<ReportFile> {
    @Override
    public ReportFile convert(String value) {
      String name = value.toLowerCase(Locale.ROOT);
      for (Format f : Format.values()) {
        if (name.endsWith(f.extension) && name.length() > f.extension.length()) {
          return new ReportFile(OutputFiles.checked(value), f);
        }
      }
      throw new TypeConversionException(value + ": unknown report format; the file name must end in .json (plan "
          + "JSON with every setting's state), .md (Markdown) or .xml (JUnit XML)");
    }
  }
}
