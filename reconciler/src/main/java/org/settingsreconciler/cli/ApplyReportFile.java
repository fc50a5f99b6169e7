package org.settingsreconciler.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.settingsreconciler.apply.ChangeResult;
import org.settingsreconciler.render.ApplyReportJson;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code apply --report FILE}: what happened to every change, as JSON, for a pipeline to keep and read. Written
 * however the apply ends once it has a plan (also refused or failed part-way), readable by its owner only like a
 * saved plan, and with secret-looking values masked as everything the run prints is: unlike a saved plan, nothing
 * reads its values back.
 */
record ApplyReportFile(Path path) {

  void write(CliContext ctx, ApplyReportJson.Run run, List<ChangeResult> results) {
    String json = PlanPrinter.JSON.writeValueAsString(ApplyReportJson.write(run, results)) + "\n";
    OutputFiles.writeReport(ctx, path, json, "the apply report");
    ctx.err().println("Wrote the apply report to " + path + ".");
  }

  static final class Converter implements ITypeConverter<ApplyReportFile> {
    @Override
    public ApplyReportFile convert(String value) {
      if (!value.toLowerCase(Locale.ROOT).endsWith(".json") || value.length() <= ".json".length()) {
        throw new TypeConversionException(value + ": the apply report is JSON; name the file *.json");
      }
      return new ApplyReportFile(OutputFiles.checked(value));
    }
  }
}
