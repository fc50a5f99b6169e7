package org.settingsreconciler.generative;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.settingsreconciler.load.ConfigException;
import org.settingsreconciler.load.DesiredStateLoader;
import org.settingsreconciler.sandbox.GraphSandbox;
import org.settingsreconciler.secrets.InProcessCli;

/**
 * Runs one {@link RoundTripCase} through the CLI, in-process, against one sandbox: the tenant loaded into it, then
 * {@code export} (exit 0), {@code validate} of the export (exit 0), {@code plan --detailed-exitcode} of the export
 * (exit 0: no changes), then the desired state applied ({@code --no-verify}: the read-back here is stricter), planned
 * again (no changes), and the tenant read back ({@link ReadBack}). A run that prints a stack trace fails too. The
 * first step that does not hold is the case's failure.
 */
final class RoundTrip {

  /**
   * Where a case failed (the shrinker keeps only smaller cases that fail at the same stage) and what was seen.
   */
  record Failure(String stage, String detail) {}

  /** A line of a Java stack trace: the tool never prints one, whatever the tenant holds. */
  private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at [\\w.$]+\\(");

  private final GraphSandbox sandbox;
  private final Path dir;
  private final Map<String, String> env;

  RoundTrip(GraphSandbox sandbox, Path dir, String token) {
    this.sandbox = sandbox;
    this.dir = dir;
    this.env = Map.of("RECONCILER_ACCESS_TOKEN", token);
  }

  /** The case's first failure; an exception (the harness's or the generators' own) is one too, so it is replayable. */
  Optional<Failure> run(RoundTripCase c) {
    try {
      return steps(c);
    } catch (RuntimeException e) {
      java.io.StringWriter trace = new java.io.StringWriter();
      e.printStackTrace(new java.io.PrintWriter(trace));
      return Optional.of(new Failure("threw " + e.getClass().getName(), trace.toString()));
    }
  }

  private Optional<Failure> steps(RoundTripCase c) {
    try {
      sandbox.load(c.tenant());
    } catch (IllegalArgumentException notASeed) {
      return Optional.of(new Failure("seed", notASeed.getMessage()));
    }
    Path exported = dir.resolve("export.yaml");
    delete(exported);
    List<String> export = new ArrayList<>(List.of("export", "--out", exported.toString()));
    export.addAll(c.export().arguments(c.tenant()));
    Optional<Failure> failed = expect("export", 0, null, graph(export));
    if (failed.isPresent()) {
      return failed;
    }
    String yaml = read(exported);
    failed = expect("export is invalid", 0, yaml, List.of("validate", exported.toString()))
        .or(() -> expect("export plans changes", 0, yaml, graph(List.of("plan", "--detailed-exitcode",
            exported.toString()))));
    if (failed.isPresent()) {
      return failed;
    }
    Path desired = dir.resolve("desired.yaml");
    String desiredYaml = c.desiredYaml();
    write(desired, desiredYaml);
    failed = valid(desired, desiredYaml)
        .or(() -> expect("apply", 0, desiredYaml, graph(List.of("apply", "--auto-approve", "--allow-destructive",
            "--force", "--no-verify", desired.toString()))))
        .or(() -> expect("plan after apply has changes", 0, desiredYaml, graph(List.of("plan",
            "--detailed-exitcode", desired.toString()))));
    if (failed.isPresent()) {
      return failed;
    }
    List<String> mismatches = ReadBack.mismatches(c.desired(), sandbox.snapshot());
    if (!mismatches.isEmpty()) {
      return Optional.of(new Failure("tenant read back differs from the desired state",
          String.join("\n", mismatches) + "\n--- desired YAML\n" + desiredYaml));
    }
    return Optional.empty();
  }

  /**
   * The generators promise states the schema accepts: one it refuses is the generator's fault (or a schema stricter
   * than Graph's types), told apart from the tool's failures. Checked by the loader itself, which is what validate
   * runs, without a CLI run's cost.
   */
  private static Optional<Failure> valid(Path file, String yaml) {
    try {
      new DesiredStateLoader().load(List.of(file));
      return Optional.empty();
    } catch (ConfigException e) {
      return Optional.of(new Failure("desired state is invalid", e.errors().stream().map(Object::toString)
          .collect(java.util.stream.Collectors.joining("\n")) + "\n--- YAML\n" + yaml));
    }
  }

  private List<String> graph(List<String> args) {
    List<String> out = new ArrayList<>(args);
    out.addAll(1, List.of("--graph-url", sandbox.baseUrl().toString()));
    return out;
  }

  private Optional<Failure> expect(String stage, int exit, String yaml, List<String> args) {
    InProcessCli.Result r = InProcessCli.run(env, args.toArray(String[]::new));
    boolean crashed = STACK_FRAME.matcher(r.out() + r.err()).find();
    if (r.exit() == exit && !crashed) {
      return Optional.empty();
    }
    return Optional.of(new Failure(stage, "`reconciler " + String.join(" ", args) + "` exited " + r.exit()
        + (crashed ? " with a stack trace" : "") + "\n--- stdout\n" + r.out() + "--- stderr\n" + r.err()
        + (yaml == null ? "" : "--- YAML\n" + yaml)));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
