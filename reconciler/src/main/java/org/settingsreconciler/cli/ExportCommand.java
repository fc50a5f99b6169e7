package org.settingsreconciler.cli;

import org.settingsreconciler.run.ExportUseCase;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.settingsreconciler.export.ExportedYaml;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    mixinStandardHelpOptions = true,
    name = "export",
    description = "Write the tenant's current settings as desired-state YAML that plans to no changes.")
final class ExportCommand implements Callable<Integer> {

  private final CliContext ctx;

  @Mixin GraphOptions graph;

  @Option(names = "--out", paramLabel = "FILE", converter = OutputFiles.PathConverter.class,
      description = "Write to FILE instead of stdout.")
  Path out;

  @Option(names = "--user", paramLabel = "UPN", description = "Also export this user's settings, item insights and interests (repeatable).")
  List<String> users = new ArrayList<>();

  @Option(names = "--group-names",
      description = "Write Entra groups as {group: \"<display name>\"} instead of ids, where the name is unique.")
  boolean groupNames;

  @Option(names = "--all-users",
      description = "Also export the settings, item insights and interests of every user in the tenant.")
  boolean allUsers;

  ExportCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    OutputFiles.refuseInputs("--out", out, Arrays.asList(graph.sandboxState));
    return ExportUseCase.run(
        new ExportUseCase.Request(ctx.run(), graph.target(), users, allUsers, groupNames, out != null),
        this::write).exit();
  }

  /** The YAML on stdout, or in the file --out names (owner-only, the run's credentials masked). */
  private void write(ExportedYaml yaml) {
    if (out == null) {
      // Copied a buffer at a time: the stream masks line by line, so no line goes out half masked.
      Writer stdout = new OutputStreamWriter(ctx.out(), StandardCharsets.UTF_8);
      try {
        yaml.writeTo(stdout);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } else {
      OutputFiles.writeWithValues(ctx, out, yaml, "the export");
      ctx.err().println("Exported to " + out + ".");
    }
  }
}
