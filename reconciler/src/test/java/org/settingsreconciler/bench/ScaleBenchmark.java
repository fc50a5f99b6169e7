package org.settingsreconciler.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.graph.Throughput;
import org.settingsreconciler.sandbox.GraphSandbox;
import org.settingsreconciler.sandbox.LoadStats;
import org.settingsreconciler.sandbox.SandboxProbe;
import tools.jackson.databind.node.ObjectNode;

/**
 * The scale benchmark, kept out of the test suite (run it with {@code mvn -B -ntp -Pbenchmark verify
 * -Dbenchmark.users=1000}). A sandbox tenant of N users with five interests each plus every tenant-wide setting,
 * answering each round trip after a latency; the CLI, each run in a JVM of its own, runs plan, export --all-users
 * and an apply that creates one interest per user, batched and with two baselines made with its own switches: one
 * request per resource 10 at a time, and one at a time. For each run it prints what reached the sandbox, the wall
 * time, the heap, and the ideal: ⌈reads/20⌉ + ⌈writes/20⌉ round trips, divided by the concurrency, times the latency.
 * Runs against a throttling sandbox are {@link ThrottleBenchmark}'s.
 *
 * <p>Properties: benchmark.users (1000), benchmark.latencyMs (50), benchmark.concurrency (the CLI's default, 8),
 * benchmark.baselines (true; false for none, 10 for the 10-at-a-time one only), benchmark.xmx
 * (512m, the CLI's heap limit), benchmark.launch ("script": the CLI starts as bin/reconciler starts it; "java-jar":
 * as plain java -jar target/reconciler.jar), benchmark.jvmArgs (more options for the CLI's JVM, none by default),
 * benchmark.ops ("plan export apply"), benchmark.repeat (3: each batched and 10-at-a-time run is repeated and the fastest kept,
 * since a shared machine only ever slows a run down), benchmark.rateMemoryHours (unset: the CLI's default; 0 starts
 * every run at full speed, forgetting the rates earlier runs of this benchmark learned; the runs keep their state in
 * the benchmark's own directory).
 */
@Tag("benchmark")
class ScaleBenchmark {

  /** What the sandbox of the current measurement received and served. */
  private SandboxProbe probe;
  private final int users = Integer.getInteger("benchmark.users", 1000);
  private final long latencyMs = Long.getLong("benchmark.latencyMs", 50);
  private final int concurrency = Integer.getInteger("benchmark.concurrency", Throughput.DEFAULT_CONCURRENCY);
  private final String baselines = System.getProperty("benchmark.baselines", "true");
  private final String maxHeap = System.getProperty("benchmark.xmx", "512m");
  private final List<String> jvmArgs = words(System.getProperty("benchmark.jvmArgs", ""));
  private final ChildRun.Launch launch = ChildRun.Launch.valueOf(
      System.getProperty("benchmark.launch", "script").toUpperCase(Locale.ROOT).replace('-', '_'));
  private final List<String> ops = words(System.getProperty("benchmark.ops", "plan export apply").replace(',', ' '));
  private final int repeat = Integer.getInteger("benchmark.repeat", 3);

  @TempDir Path dir;

  private record Mode(String name, int batchSize, int concurrency) {
    List<String> args() {
      return List.of("--batch-size", String.valueOf(batchSize), "--concurrency", String.valueOf(concurrency));
    }
  }

  /** One measured run. */
  private record Row(String op, String mode, LoadStats stats, long reads, long writes, ChildRun.Result result) {}

  @Test
  void scale() throws Exception {
    ObjectNode seed = BenchTenant.seed(users);
    ChildRun child = new ChildRun(dir, maxHeap, jvmArgs, launch);
    List<Row> rows = new ArrayList<>();
    Map<String, String> notes = new LinkedHashMap<>();
    long jvmMillis;
    long loadMillis;
    try (GraphSandbox sandbox = GraphSandbox.start(0, null, seed)) {
      probe = SandboxProbe.on(sandbox);
      Path desired = BenchTenant.desiredState(sandbox, dir, users);
      // The sandbox's JVM warms up first, or whichever mode ran first would pay for its cold start.
      for (Mode warmUp : List.of(new Mode("warm-up", 20, concurrency), new Mode("warm-up", 1, 10))) {
        run(sandbox, seed, child, desired, "plan", warmUp);
        run(sandbox, seed, child, desired, "export", warmUp);
      }
      sandbox.setLatency(Duration.ofMillis(latencyMs));

      List<Mode> modes = new ArrayList<>(List.of(new Mode("batched", 20, concurrency)));
      if (!baselines.equals("false")) {
        modes.add(new Mode("1 per request, 10 at a time", 1, 10));
      }
      if (baselines.equals("true")) {
        modes.add(new Mode("1 per request, 1 at a time", 1, 1));
      }
      // The fastest of a few runs of each, operations and modes taking turns: a shared machine only ever slows a
      // run down, and taking turns spreads its busy spells over them all alike. One at a time is too slow to
      // repeat, and noise matters little against its minute. The start-up runs take their turns too.
      Map<String, Row> best = new LinkedHashMap<>();
      ChildRun.Result jvm = null;
      ChildRun.Result offline = null;
      for (int i = 0; i < repeat; i++) {
        for (String op : ops) {
          jvm = faster(jvm, child.run(List.of("--version")));
          ChildRun.Result validated = child.run(List.of("validate", desired.toString()));
          assertThat(validated.exit()).as(validated.err()).isZero();
          offline = faster(offline, validated);
          for (Mode mode : modes) {
            if (i > 0 && mode.concurrency() == 1) {
              continue;
            }
            Row row = run(sandbox, seed, child, desired, op, mode);
            best.merge(op + "/" + mode.name(), row,
                (a, b) -> a.result().wallMillis() <= b.result().wallMillis() ? a : b);
          }
        }
      }
      for (Mode mode : modes) {
        for (String op : ops) {
          rows.add(best.get(op + "/" + mode.name()));
        }
      }
      jvmMillis = jvm.wallMillis();
      loadMillis = offline.wallMillis();
      notes.put("CLI started by",
          launch == ChildRun.Launch.SCRIPT ? "bin/reconciler" : "java -jar target/reconciler.jar");
      notes.put("JVM start (`--version`)", seconds(jvmMillis));
      notes.put("JVM start + loading and validating the YAML (`validate`)", seconds(loadMillis));
      if (!jvmArgs.isEmpty()) {
        notes.put("JVM options of the CLI runs", String.join(" ", jvmArgs));
      }
    }
    String report = new BenchReport(users, latencyMs, concurrency, maxHeap)
        .render(rows.stream().map(r -> new BenchReport.Line(r.op(), r.mode(), r.stats(), r.reads(), r.writes(),
            r.result())).toList(), notes, jvmMillis, loadMillis);
    System.out.println(report);
    Path target = Path.of("target", "benchmark-" + users + ".md");
    Files.writeString(target, report);
  }

  private Row run(GraphSandbox sandbox, ObjectNode seed, ChildRun child, Path desired, String op, Mode mode)
      throws IOException, InterruptedException {
    BenchOp.Outcome o = BenchOp.run(sandbox, probe, seed, users, child, desired, dir, op, mode.args());
    return new Row(op, mode.name(), o.stats(), o.reads(), o.writes(), o.result());
  }

  private static ChildRun.Result faster(ChildRun.Result best, ChildRun.Result r) {
    return best == null || r.wallMillis() < best.wallMillis() ? r : best;
  }

  private static List<String> words(String s) {
    return s.isBlank() ? List.of() : List.of(s.strip().split("\\s+"));
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
  }
}
