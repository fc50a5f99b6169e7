package org.settingsreconciler.secrets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.settingsreconciler.cli.CliContext;
import org.settingsreconciler.cli.Main;
import org.settingsreconciler.cli.Terminal;

/**
 * Runs the CLI in-process with captured streams, the way every harness of the suite does, and hands the
 * {@link SecretLedger} the secrets the run was given and everything it printed and wrote, for the suite-wide
 * secret scan ({@link SecretScanExtension}).
 */
public final class InProcessCli {

  /**
   * Options that name a file the README says holds settings' real values (owner-only): a saved plan, exported YAML,
   * the sandbox's state; see {@link Secret.Kind}. Reports are masked like the output.
   */
  private static final Set<String> FILES_WITH_VALUES = Set.of("--out", "--sandbox-state");

  /** What one run printed, and its exit code. */
  public record Result(int exit, String out, String err) {}

  private InProcessCli() {}

  public static Result run(Map<String, String> env, Terminal terminal, String... args) {
    return run(env, terminal, Clock.systemUTC(), args);
  }

  /** As {@link #run(Map, Terminal, String...)}, with the time the run sees given (what it remembers expires by it). */
  public static Result run(Map<String, String> env, Terminal terminal, Clock clock, String... args) {
    List<Secret> handed = HandedSecrets.of(env, args);
    handed.forEach(SecretLedger::register);
    WrittenFiles files = WrittenFiles.watch(env, args);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      exit = new Main(new CliContext(o, e, env, terminal, true, clock)).run(args);
    }
    Result result = new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    String run = "`reconciler " + withoutSecrets(String.join(" ", args), handed) + "`";
    SecretLedger.record(Output.printed("stdout of " + run, result.out()));
    SecretLedger.record(Output.printed("stderr of " + run, result.err()));
    for (Path file : files.written()) {
      SecretLedger.record(Output.written(file, run, read(file), holdsSettingValues(file, args)));
    }
    SecretLedger.ran();
    return result;
  }

  public static Result run(Map<String, String> env, String... args) {
    return run(env, Terminal.none(), args);
  }

  /**
   * Whether {@code file} is a saved plan, exported YAML or a sandbox state file: named by {@code --out} or
   * {@code --sandbox-state}.
   */
  static boolean holdsSettingValues(Path file, String... args) {
    for (int i = 0; i < args.length; i++) {
      String option = args[i].contains("=") ? args[i].substring(0, args[i].indexOf('=')) : args[i];
      String value = args[i].contains("=") ? args[i].substring(args[i].indexOf('=') + 1)
          : i + 1 < args.length ? args[i + 1] : null;
      if (value == null || !FILES_WITH_VALUES.contains(option)) {
        continue;
      }
      if (names(value, file)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code given} (which may hold a fleet's {tenant}) names {@code file}. */
  private static boolean names(String given, Path file) {
    String absolute;
    try {
      absolute = Path.of(given).toAbsolutePath().normalize().toString();
    } catch (java.nio.file.InvalidPathException notAPath) {
      return false;
    }
    List<String> parts = List.of(absolute.split(Pattern.quote("{tenant}"), -1));
    return file.toString().matches(String.join("[^/]+", parts.stream().map(Pattern::quote).toList()));
  }

  /** The command line for a failure message, without the secrets given on it ({@code --var API_TOKEN=...}). */
  private static String withoutSecrets(String commandLine, List<Secret> secrets) {
    String out = commandLine;
    for (Secret s : secrets) {
      out = out.replace(s.value(), "<SECRET>");
    }
    return out;
  }

  private static String read(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException gone) {
      return "";
    }
  }
}
