package org.settingsreconciler.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.sandbox.GraphSandbox;
import org.settingsreconciler.secrets.InProcessCli;
import org.settingsreconciler.secrets.TestTokens;

/**
 * The README's Quick start and tutorial, run as a newcomer would run them, their printed output held against what
 * the README shows. The README is written for people, so this test reads it as they do: shell blocks ({@code ```sh})
 * are run with bash in a scratch directory, and in the other blocks each {@code $ command} line is run and the lines
 * after it, up to the next {@code $}, are its expected output. In an expected line {@code ...} stands for any text,
 * and a line that is only {@code ...} for any number of lines. Someone who changes what a command prints, or the
 * README's example of it, without the other, fails here.
 *
 * <p>What the test cannot run as written it substitutes, visibly: the sandbox the tutorial starts in another shell
 * ({@code reconciler sandbox --state tenant.json}) is started in-process on a free port, which replaces 8080 in every
 * command; {@code reconciler} runs in-process from the module directory, so the scratch directory's relative path is
 * put in front of the paths the commands name and taken out of what they print; the access token the tutorial
 * exports is replaced by a distinctive one, so the suite's secret scan can look for it.
 */
class ReadmeTutorialTest {

  private static final Path README = GeneratedPages.ROOT.resolve("README.md");
  private static final String SANDBOX_PORT = "8080";

  @Test
  void theMainJobPrintsWhatTheQuickStartShows() throws IOException {
    String quickStart = section("## Quick start");
    List<String> expected = blockAfter(quickStart, "It prints the plan");
    InProcessCli.Result result = InProcessCli.run(Map.of(), "plan", GeneratedPages.ROOT.resolve("examples") + "/",
        "--sandbox");
    assertEquals(0, result.exit(), result.err());
    String printed = result.out().replace(GeneratedPages.ROOT + "/examples/", "examples/");
    assertMatches("reconciler plan examples/ --sandbox", expected, lines(printed));
  }

  @Test
  void theTutorialRunsAsWritten(@TempDir Path scratchRoot) throws Exception {
    String tutorial = section("## Tutorial");
    // Under the module directory, so that a relative path reaches it from the in-process CLI's working directory.
    Path scratch = Files.createTempDirectory(Path.of("target"), "readme-tutorial-");
    String prefix = scratch + "/";
    Map<String, String> env = new HashMap<>();
    int ran = 0;
    try (GraphSandbox sandbox = GraphSandbox.start(0, scratchRoot.resolve("tenant.json"), null)) {
      String port = String.valueOf(sandbox.port());
      for (Block block : blocks(tutorial)) {
        if (block.language().equals("sh")) {
          Shell shell = bash(String.join("\n", block.lines()).replace(SANDBOX_PORT, port), scratch);
          assertEquals(0, shell.exit(), "README block failed:\n" + String.join("\n", block.lines()) + "\n" + shell.out());
          ran++;
          continue;
        }
        for (Step step : steps(block)) {
          String command = step.command().replace(SANDBOX_PORT, port);
          List<String> printed;
          if (command.startsWith("reconciler sandbox")) {
            continue; // started above, in-process, on a free port
          } else if (command.startsWith("export ")) {
            String[] assignment = command.substring("export ".length()).split("=", 2);
            // The suite's secret scan needs a token it can tell apart from ordinary text; the sandbox takes any.
            env.put(assignment[0], assignment[0].endsWith("TOKEN") ? TestTokens.distinct("readme") : assignment[1]);
            continue;
          } else if (command.startsWith("reconciler ")) {
            printed = reconciler(command, env, prefix);
          } else {
            Shell shell = bash(command, scratch);
            printed = lines(shell.out());
          }
          assertMatches(command, step.expected().stream().map(l -> l.replace(SANDBOX_PORT, port)).toList(), printed);
          ran++;
        }
      }
    } finally {
      deleteRecursively(scratch);
    }
    assertTrue(ran >= 9, "the tutorial should have at least nine steps to run, ran " + ran);
  }

  /** Runs {@code reconciler ARGS [; echo "exit $?"]} in-process; paths under the scratch directory get its prefix. */
  private static List<String> reconciler(String command, Map<String, String> env, String prefix) {
    String echoExit = "; echo \"exit $?\"";
    boolean showsExit = command.endsWith(echoExit);
    String args = showsExit ? command.substring(0, command.length() - echoExit.length()) : command;
    List<String> argv = new ArrayList<>();
    for (String word : args.substring("reconciler ".length()).trim().split("\\s+")) {
      argv.add(word.startsWith("-") || word.startsWith("http") || !word.contains("/") ? word : prefix + word);
    }
    InProcessCli.Result result = InProcessCli.run(env, argv.toArray(String[]::new));
    // Standard output, then standard error, less the note saying how the run signed in, which the README leaves out.
    String err = result.err().lines().filter(l -> !l.startsWith("Signed in with the access token"))
        .collect(java.util.stream.Collectors.joining("\n"));
    List<String> printed = new ArrayList<>(lines((result.out() + err).replace(prefix, "")));
    if (showsExit) {
      printed.add("exit " + result.exit());
    } else {
      assertTrue(result.exit() == 0 || result.exit() == 2, command + " exited " + result.exit() + "\n" + result.err());
    }
    return printed;
  }

  /** Each expected line in order; {@code ...} within a line is any text, a line of only {@code ...} any lines. */
  static void assertMatches(String command, List<String> expected, List<String> printed) {
    int at = 0;
    boolean skipping = false;
    for (String want : expected) {
      if (want.strip().equals("...")) {
        skipping = true;
        continue;
      }
      int found = -1;
      for (int i = at; i < printed.size() && (skipping || i == at); i++) {
        if (matches(want, printed.get(i))) {
          found = i;
          break;
        }
      }
      if (found < 0) {
        fail("`" + command + "` printed something other than the README shows.\nREADME line: " + want
            + "\nprinted (from line " + (at + 1) + "):\n" + String.join("\n", printed.subList(at, printed.size())));
      }
      at = found + 1;
      skipping = false;
    }
    if (!skipping && at < printed.size() && !printed.subList(at, printed.size()).stream().allMatch(String::isBlank)) {
      fail("`" + command + "` printed more than the README shows:\n"
          + String.join("\n", printed.subList(at, printed.size())));
    }
  }

  private static boolean matches(String expected, String actual) {
    String[] pieces = expected.stripTrailing().split("\\.\\.\\.", -1);
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < pieces.length; i++) {
      regex.append(i == 0 ? "" : ".*").append(java.util.regex.Pattern.quote(pieces[i]));
    }
    return actual.stripTrailing().matches(regex.toString());
  }

  record Block(String language, List<String> lines) {}

  record Step(String command, List<String> expected) {}

  record Shell(int exit, String out) {}

  /** The README from {@code heading} to the next heading of the same level. */
  private static String section(String heading) throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    int start = readme.indexOf("\n" + heading);
    assertTrue(start >= 0, "README has no section " + heading);
    int end = readme.indexOf("\n## ", start + heading.length() + 1);
    return readme.substring(start, end < 0 ? readme.length() : end);
  }

  static List<Block> blocks(String markdown) {
    List<Block> blocks = new ArrayList<>();
    List<String> current = null;
    String language = null;
    for (String line : markdown.split("\n", -1)) {
      if (line.startsWith("```")) {
        if (current == null) {
          language = line.substring(3).strip();
          current = new ArrayList<>();
        } else {
          blocks.add(new Block(language, current));
          current = null;
        }
      } else if (current != null) {
        current.add(line);
      }
    }
    return blocks;
  }

  /** The first code block after the paragraph holding {@code lead}. */
  private static List<String> blockAfter(String markdown, String lead) {
    int at = markdown.indexOf(lead);
    assertTrue(at >= 0, "README has no paragraph with: " + lead);
    List<Block> after = blocks(markdown.substring(at));
    assertFalse(after.isEmpty(), "no code block after: " + lead);
    return after.get(0).lines();
  }

  static List<Step> steps(Block block) {
    List<Step> steps = new ArrayList<>();
    for (String line : block.lines()) {
      if (line.startsWith("$ ")) {
        steps.add(new Step(line.substring(2).strip(), new ArrayList<>()));
      } else if (!steps.isEmpty()) {
        steps.get(steps.size() - 1).expected().add(line);
      }
    }
    return steps;
  }

  private static Shell bash(String script, Path dir) throws IOException, InterruptedException {
    Process process = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).directory(dir.toFile())
        .redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "timed out: " + script);
    return new Shell(process.exitValue(), out);
  }

  private static List<String> lines(String text) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
      lines.remove(lines.size() - 1);
    }
    return lines;
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
