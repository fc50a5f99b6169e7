package org.settingsreconciler.plan;

import static org.junit.jupiter.api.Assertions.fail;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.settingsreconciler.load.ConfigException;
import org.settingsreconciler.load.DesiredStateLoader;
import org.settingsreconciler.model.DesiredState;
import org.settingsreconciler.render.PlanMarkdownRenderer;
import org.settingsreconciler.render.PlanTextRenderer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One folder of {@code src/test/resources/plans/}: its desired state, the tenant before, and the expected plans.
 * Paths are relative to the module directory (where Maven runs tests), so the file:line:column in the goldens
 * stay the same on every machine. See the README.md in that folder.
 */
final class GoldenCase {

  static final Path ROOT = Path.of("src", "test", "resources", "plans");

  /** {@code -Dgolden.update=true} writes plan.txt, plan.md and plan.json instead of comparing with them. */
  static final boolean UPDATE = Boolean.getBoolean("golden.update");

  static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final String name;
  private final Path dir;

  private GoldenCase(String name) {
    this.name = name;
    this.dir = ROOT.resolve(name);
  }

  static GoldenCase named(String name) {
    return new GoldenCase(name);
  }

  /** Every case: each folder under {@link #ROOT}, in name order. */
  static List<String> names() throws IOException {
    try (Stream<Path> list = Files.list(ROOT)) {
      return list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /**
   * The desired-state files: those listed in {@code desired.paths} (one path a line, relative to the module
   * directory; blank lines and {@code #} comments skipped), else every {@code *.yaml} of the folder.
   */
  List<Path> desiredPaths() {
    Path listing = dir.resolve("desired.paths");
    if (Files.exists(listing)) {
      return lines(read(listing)).stream().map(Path::of).toList();
    }
    try (Stream<Path> list = Files.list(dir)) {
      List<Path> files = list.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
      if (files.isEmpty()) {
        fail(name + ": no desired.yaml (or other *.yaml, or desired.paths)");
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  DesiredState desired() {
    return load(desiredPaths());
  }

  static DesiredState load(List<Path> paths) {
    try {
      return new DesiredStateLoader().load(paths);
    } catch (ConfigException e) {
      return fail("invalid desired state " + paths + ":\n" + e.errors().stream().map(Object::toString)
          .collect(Collectors.joining("\n")));
    }
  }

  /** The sandbox seed: {@code current.json}, or the file {@code current.path} names (relative to the module). */
  JsonNode current() {
    Path pointer = dir.resolve("current.path");
    Path seed = Files.exists(pointer) ? Path.of(lines(read(pointer)).get(0)) : dir.resolve("current.json");
    return JSON.readTree(read(seed));
  }

  static String text(Plan plan) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    new PlanTextRenderer(out).render(plan);
    return normalise(bytes.toString(StandardCharsets.UTF_8));
  }

  /** Compares the text plan with plan.txt exactly, after normalising line endings. */
  void expectText(String actual) {
    expectExactly(dir.resolve("plan.txt"), actual);
  }

  private void expectExactly(Path file, String actual) {
    if (UPDATE) {
      write(file, actual);
      return;
    }
    String expected = Files.exists(file) ? normalise(read(file)) : "";
    if (!expected.equals(actual)) {
      fail(mismatch(file, expected, actual));
    }
  }

  static String markdown(Plan plan) {
    return new PlanMarkdownRenderer("settings-reconciler plan").render(plan, "the sandbox tenant");
  }

  /** Compares the Markdown plan (what goes into pull requests) with plan.md exactly. */
  void expectMarkdown(String actual) {
    expectExactly(dir.resolve("plan.md"), actual);
  }

  /** Compares the JSON plan with plan.json as trees (formatting and key order in the file don't matter). */
  void expectJson(JsonNode actual) {
    Path file = dir.resolve("plan.json");
    String actualText = JSON.writeValueAsString(actual) + "\n";
    if (UPDATE) {
      write(file, actualText);
      return;
    }
    JsonNode expected = Files.exists(file) ? JSON.readTree(read(file)) : null;
    // Compared as read back, so that a long count and the int it parses to are the same number.
    if (!JSON.readTree(actualText).equals(expected)) {
      String expectedText = expected == null ? "" : JSON.writeValueAsString(expected) + "\n";
      fail(mismatch(file, expectedText, actualText));
    }
  }

  private String mismatch(Path file, String expected, String actual) {
    List<String> a = Arrays.asList(expected.split("\n", -1));
    List<String> b = Arrays.asList(actual.split("\n", -1));
    List<String> diff =
        UnifiedDiffUtils.generateUnifiedDiff(file + " (expected)", "actual", a, DiffUtils.diff(a, b), 3);
    return file + " does not match the plan (" + (Files.exists(file) ? "" : "missing; ")
        + "if the new output is right, regenerate with: mvn -B -ntp test -pl reconciler -Dtest=GoldenPlanTest -Dgolden.update=true)\n"
        + String.join("\n", diff);
  }

  static String normalise(String s) {
    return s.replace("\r\n", "\n").replace('\r', '\n');
  }

  private static List<String> lines(String text) {
    return normalise(text).lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String content) {
    try {
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
