package org.settingsreconciler.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
import org.settingsreconciler.cli.CliContext;
import org.settingsreconciler.cli.Main;
import org.settingsreconciler.cli.Terminal;
import org.settingsreconciler.graph.Throughput;
import org.settingsreconciler.sandbox.GraphSandbox;
import org.settingsreconciler.sandbox.LoadStats;
import org.settingsreconciler.sandbox.SandboxProbe;
import org.settingsreconciler.sandbox.RecordedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The scale benchmark, kept out of the test suite (run it with {@code mvn -B -ntp -Pbenchmark verify
 * -Dbenchmark.users=1000}). A sandbox tenant of N users with five interests each plus every tenant-wide setting,
 * answering each round trip after a latency; the CLI, each run in a JVM of its own, runs plan, export --all-users
 * and an apply that creates one interest per user, batched and with two baselines made with its own switches: one
 * request per resource 10 at a time, and one at a time. Then the same batched runs against a throttling sandbox.
 * For each run it prints what reached the sandbox, the wall time, the heap, and the ideal: ⌈reads/20⌉ + ⌈writes/20⌉
 * round trips, divided by the concurrency, times the latency. A throttled run is also held to its own ideal, every
 * request sent once at the budget (requests ÷ budget × window), with the share of requests answered 429.
 *
 * <p>Properties: benchmark.users (1000), benchmark.latencyMs (50), benchmark.concurrency (the CLI's default, 8),
 * benchmark.baselines (true; false for none, 10 for the 10-at-a-time one only), benchmark.throttleBudget (500
 * requests per client and window; 0 skips the throttled runs), benchmark.throttleWindowMs (1000), benchmark.xmx
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
  private final int throttleBudget = Integer.getInteger("benchmark.throttleBudget", 500);
  private final long throttleWindowMs = Long.getLong("benchmark.throttleWindowMs", 1000);
  private final String maxHeap = System.getProperty("benchmark.xmx", "512m");
  private final List<String> jvmArgs = words(System.getProperty("benchmark.jvmArgs", ""));
  private final ChildRun.Launch launch = ChildRun.Launch.valueOf(
      System.getProperty("benchmark.launch", "script").toUpperCase(Locale.ROOT).replace('-', '_'));
  private final List<String> ops = words(System.getProperty("benchmark.ops", "plan export apply").replace(',', ' '));
  private final int repeat = Integer.getInteger("benchmark.repeat", 3);

  private static final int USERS_PER_FILE = 1000;

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
      Path desired = desiredState(sandbox);
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
      if (throttleBudget > 0) {
        sandbox.setThrottle(throttleBudget, Duration.ofMillis(throttleWindowMs));
        Mode throttled = new Mode(BenchReport.THROTTLED, 20, concurrency);
        for (String op : ops) {
          Row row = run(sandbox, seed, child, desired, op, throttled);
          rows.add(row);
          assertThat(row.stats().earlyRetries()).as("requests sent before their Retry-After").isZero();
        }
        sandbox.setThrottle(0, Duration.ofMillis(throttleWindowMs));
      }
    }
    String report = new BenchReport(users, latencyMs, concurrency, maxHeap, throttleBudget, throttleWindowMs)
        .render(rows.stream().map(r -> new BenchReport.Line(r.op(), r.mode(), r.stats(), r.reads(), r.writes(),
            r.result())).toList(), notes, jvmMillis, loadMillis);
    System.out.println(report);
    Path target = Path.of("target", "benchmark-" + users + ".md");
    Files.writeString(target, report);
  }

  /**
   * A directory: the tenant-wide settings as exported (so they plan to no changes), and every user's interests and
   * one more, a thousand users per file (the loader refuses files over 4 MiB, and big tenants split them anyway).
   */
  private Path desiredState(GraphSandbox sandbox) throws IOException {
    Path desired = Files.createDirectories(dir.resolve("desired"));
    Path tenantWide = desired.resolve("00-tenant.yaml");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = new Main(new CliContext(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("RECONCILER_ACCESS_TOKEN", "b"),
        Terminal.none())).run("export", "--graph-url", sandbox.baseUrl().toString(), "--out", tenantWide.toString());
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    for (int from = 1; from <= users; from += USERS_PER_FILE) {
      int to = Math.min(users, from + USERS_PER_FILE - 1);
      Files.writeString(desired.resolve(String.format("users-%05d.yaml", from)), BenchTenant.usersYaml(from, to));
    }
    return desired;
  }

  private Row run(GraphSandbox sandbox, ObjectNode seed, ChildRun child, Path desired, String op, Mode mode)
      throws IOException, InterruptedException {
    sandbox.load(seed); // a fresh tenant, so every run has the same N interests to create
    probe.resetStats();
    probe.clearRequests();
    List<String> args = new ArrayList<>();
    Path exported = dir.resolve("export.yaml");
    switch (op) {
      case "plan" -> args.addAll(List.of("plan", desired.toString()));
      case "export" -> args.addAll(List.of("export", "--all-users", "--out", exported.toString()));
      default -> args.addAll(List.of("apply", desired.toString(), "--auto-approve"));
    }
    args.addAll(List.of("--graph-url", sandbox.baseUrl().toString()));
    args.addAll(mode.args());
    ChildRun.Result r = child.run(args);
    String what = op + " (" + mode.name() + ")";
    assertThat(r.exit()).as(what + "\n" + tail(r.out()) + "\n" + r.err()).isZero();
    switch (op) {
      case "plan" -> assertThat(r.out()).as(what).contains("Plan: " + users + " to create, 0 to update, 0 to delete");
      case "export" -> assertThat(Files.readString(exported).split("\n  user", -1)).as(what).hasSize(users + 1);
      default -> {
        assertThat(r.out()).as(what).contains("Apply complete: " + users + " applied, 0 failed.");
        int created = 0;
        for (JsonNode u : sandbox.snapshot().get("users")) {
          created += u.get("interests").size() == BenchTenant.INTERESTS + 1 ? 1 : 0;
        }
        assertThat(created).as(what + ": users with the new interest").isEqualTo(users);
      }
    }
    long reads = 0;
    long writes = 0;
    for (RecordedRequest q : probe.requests()) {
      if (q.path().endsWith("/$batch")) {
        continue; // an envelope: its items are counted one by one
      }
      if (q.method().equals("GET")) {
        reads++;
      } else {
        writes++;
      }
    }
    return new Row(op, mode.name(), probe.stats(), reads, writes, r);
  }

  private static ChildRun.Result faster(ChildRun.Result best, ChildRun.Result r) {
    return best == null || r.wallMillis() < best.wallMillis() ? r : best;
  }

  private static List<String> words(String s) {
    return s.isBlank() ? List.of() : List.of(s.strip().split("\\s+"));
  }

  private static String tail(String s) {
    return s.length() < 2000 ? s : s.substring(s.length() - 2000);
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
  }
}
