package org.settingsreconciler.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The repository's action.yml, run as GitHub's runner runs a composite action: its one script step's {@code env}, with the
 * expressions in it evaluated against the inputs given (or their defaults) and the {@code github} context, and its
 * {@code run} script under bash as the runner starts it (shell: bash), with GITHUB_ACTION_PATH the repository root, in the working directory given.
 * Only the expressions action.yml uses are understood ({@code inputs.NAME}, {@code github.NAME}): another fails the
 * test rather than being guessed at. Steps that use other actions (the cache) are not run; {@link #usesSteps} hands
 * them to the test to check.
 */
final class CompositeActionRunner {

  static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*(.+?)\\s*}}");

  private final Map<?, ?> action;

  CompositeActionRunner() throws IOException {
    action = (Map<?, ?>) new Load(LoadSettings.builder().setAllowDuplicateKeys(false).build())
        .loadFromString(Files.readString(REPOSITORY.resolve("action.yml")));
  }

  record Result(int exit, String stdout, String stderr) {}

  /** The outputs action.yml declares, each mapped to the step output of the same name. */
  Map<String, String> declaredOutputs() {
    Map<String, String> out = new LinkedHashMap<>();
    ((Map<?, ?>) action.get("outputs")).forEach((name, o) -> out.put((String) name, (String) ((Map<?, ?>) o).get("value")));
    return out;
  }

  /**
   * The steps of action.yml that use other actions (GitHub's cache), which this runner does not run: the caller checks
   * what they are given.
   */
  List<Map<?, ?>> usesSteps() {
    return steps().stream().filter(s -> s.containsKey("uses")).toList();
  }

  /** The default action.yml gives input NAME. */
  String inputDefault(String name) {
    return String.valueOf(((Map<?, ?>) ((Map<?, ?>) action.get("inputs")).get(name)).get("default"));
  }

  /** The steps, in order. */
  List<Map<?, ?>> steps() {
    return ((List<?>) ((Map<?, ?>) action.get("runs")).get("steps")).stream().<Map<?, ?>>map(s -> (Map<?, ?>) s).toList();
  }

  /** The one step that runs a script: the action's own. */
  private Map<?, ?> runStep() {
    List<Map<?, ?>> scripts = steps().stream().filter(s -> s.containsKey("run")).toList();
    assertThat(scripts).hasSize(1);
    assertThat(steps()).allMatch(s -> s.containsKey("run") || s.containsKey("uses"));
    return scripts.get(0);
  }

  /** Runs the script step with INPUTS (names as in action.yml), the github context GITHUB and the runner's environment ENV. */
  Result run(Map<String, String> inputs, Map<String, String> github, Map<String, String> env, Path cwd)
      throws IOException, InterruptedException {
    Map<?, ?> runs = (Map<?, ?>) action.get("runs");
    assertThat(runs.get("using")).isEqualTo("composite");
    Map<?, ?> step = runStep();
    assertThat(step.get("shell")).isEqualTo("bash");
    Map<?, ?> declared = (Map<?, ?>) action.get("inputs");
    inputs.keySet().forEach(name -> assertThat(declared.containsKey(name)).as("action.yml declares the input " + name)
        .isTrue());

    // As the runner runs a step with shell: bash, the script in a file.
    Path script = Files.writeString(Files.createTempFile("action", ".sh"), (String) step.get("run"));
    ProcessBuilder pb = new ProcessBuilder("bash", "--noprofile", "--norc", "-eo", "pipefail", script.toString())
        .directory(cwd.toFile());
    Map<String, String> environment = pb.environment();
    environment.clear();
    environment.putAll(env);
    environment.put("GITHUB_ACTION_PATH", REPOSITORY.toString());
    ((Map<?, ?>) step.get("env")).forEach((name, value) ->
        environment.put((String) name, evaluate(String.valueOf(value), inputs, github, declared)));
    Path stdout = Files.createTempFile("action", ".out");
    Path stderr = Files.createTempFile("action", ".err");
    try {
      Process p = pb.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
      if (!p.waitFor(300, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("the action did not finish in 300 s");
      }
      return new Result(p.exitValue(), Files.readString(stdout), Files.readString(stderr));
    } finally {
      Files.delete(stdout);
      Files.delete(stderr);
      Files.delete(script);
    }
  }

  private static String evaluate(String text, Map<String, String> inputs, Map<String, String> github,
      Map<?, ?> declared) {
    Matcher m = EXPRESSION.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String expression = m.group(1);
      String value;
      if (expression.startsWith("inputs.")) {
        String name = expression.substring("inputs.".length());
        assertThat(declared.containsKey(name)).as("action.yml declares the input " + name).isTrue();
        Object defaultValue = ((Map<?, ?>) declared.get(name)).get("default");
        value = inputs.containsKey(name) ? inputs.get(name)
            : defaultValue == null ? "" : evaluate(String.valueOf(defaultValue), inputs, github, declared);
      } else if (expression.startsWith("github.")) {
        value = github.getOrDefault(expression.substring("github.".length()), "");
      } else {
        throw new AssertionError("an expression this runner does not evaluate: " + expression);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
