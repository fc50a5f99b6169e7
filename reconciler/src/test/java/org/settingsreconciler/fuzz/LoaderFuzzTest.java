package org.settingsreconciler.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.load.ConfigError;
import org.settingsreconciler.load.ConfigException;
import org.settingsreconciler.load.DesiredStateLoader;
import org.settingsreconciler.sandbox.GraphSandbox;
import org.settingsreconciler.sandbox.SandboxProbe;
import org.settingsreconciler.secrets.InProcessCli;
import org.settingsreconciler.secrets.TestTokens;

/**
 * Seeded random mutations of the example files (thousands a run, a few seconds): whatever the input, the loader
 * either loads it or refuses it with located errors, never another exception; and a sample of the refused inputs,
 * run through {@code plan} against a sandbox, exits 1 with no stack trace and sends no request at all. A failure
 * names the seed and the mutated text, so it can be replayed ({@code -Dfuzz.seed=N -Dfuzz.cases=N}).
 */
class LoaderFuzzTest {

  static final long SEED = Long.getLong("fuzz.seed", 20261123L);
  static final int CASES = Integer.getInteger("fuzz.cases", 3000);

  /** One invalid case in this many also goes through the whole CLI (slower: picocli is built per run). */
  static final int CLI_EVERY = 10;

  /** The sandbox accepts any token; this one is distinctive, so the secret scan can look for it. */
  private static final String TOKEN = TestTokens.distinct("fuzz");

  private static final String[] INSERTS = {
    ":", "- ", " ", "  ", "\t", "{", "}", "[", "]", "\"", "'", "&a ", "*a", "!!str ", "!x ", "\n", "# ", "%", "@",
    "0", "1", "yes", "null", "~", "<<: ", "---\n", "? ", "|\n", ">\n", ",", "\u00e9", "\uFEFF", "\u0000"
  };

  @TempDir static Path dir;
  static GraphSandbox sandbox;
  static SandboxProbe probe;
  static List<String> originals = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    sandbox = GraphSandbox.start(0, null, null);
    probe = SandboxProbe.on(sandbox);
    for (String name : List.of("copilot.yaml", "people.yaml", "users.yaml")) {
      originals.add(Files.readString(Path.of("../examples", name)));
    }
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void mutatedInputIsLoadedOrRefusedWithLocatedErrorsAndInvalidInputSendsNothing() throws Exception {
    Random random = new Random(SEED);
    Path file = dir.resolve("fuzz.yaml");
    int invalid = 0;
    for (int i = 0; i < CASES; i++) {
      String text = mutate(originals.get(random.nextInt(originals.size())), random);
      Files.write(file, text.getBytes(StandardCharsets.UTF_8));
      String replay = "seed " + SEED + ", case " + i + ", input:\n" + text;
      List<ConfigError> errors;
      try {
        new DesiredStateLoader().load(List.of(file));
        continue;
      } catch (ConfigException e) {
        errors = e.errors();
      } catch (RuntimeException e) {
        throw new AssertionError("uncaught " + e + " for " + replay, e);
      }
      invalid++;
      assertThat(errors).as(replay).isNotEmpty().allSatisfy(err -> assertThat(err.location()).isNotNull());
      if (invalid % CLI_EVERY == 0) {
        // Through the whole CLI: plan validates the same way and must stop before its first request.
        probe.clearRequests();
        Run plan = run("plan", file.toString(), "--graph-url", sandbox.baseUrl().toString());
        assertThat(plan.code).as(replay + plan).isEqualTo(1);
        assertThat(plan.printed).as(replay + plan)
            .contains("nothing was sent to the tenant").doesNotContain("\tat ", "Exception");
        assertThat(probe.requests()).as(replay + plan).isEmpty();
      }
    }
    // The mutations must exercise both paths, or the test proves nothing.
    assertThat(invalid).isBetween(CASES / 10, CASES - CASES / 10);
  }

  private record Run(int code, String printed) {
    @Override
    public String toString() {
      return "\nexit " + code + ", output:\n" + printed;
    }
  }

  private static Run run(String... args) {
    InProcessCli.Result r = InProcessCli.run(Map.of("RECONCILER_ACCESS_TOKEN", TOKEN), args);
    return new Run(r.exit(), r.out() + r.err());
  }

  static String mutate(String text, Random random) {
    StringBuilder b = new StringBuilder(text);
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits && b.length() > 0; e++) {
      int at = random.nextInt(b.length());
      switch (random.nextInt(6)) {
        case 0 -> b.deleteCharAt(at);
        case 1 -> b.insert(at, INSERTS[random.nextInt(INSERTS.length)]);
        case 2 -> b.setCharAt(at, (char) (32 + random.nextInt(95)));
        case 3 -> b.setLength(at);
        case 4 -> {
          List<String> lines = new ArrayList<>(Arrays.asList(b.toString().split("\n", -1)));
          int line = random.nextInt(lines.size());
          lines.add(line, lines.get(random.nextInt(lines.size())));
          b.setLength(0);
          b.append(String.join("\n", lines));
        }
        default -> {
          List<String> lines = new ArrayList<>(Arrays.asList(b.toString().split("\n", -1)));
          int line = random.nextInt(lines.size());
          lines.set(line, (random.nextBoolean() ? " " : "") + lines.get(line).replaceFirst("^ ", ""));
          b.setLength(0);
          b.append(String.join("\n", lines));
        }
      }
    }
    return b.toString();
  }
}
