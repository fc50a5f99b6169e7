package org.settingsreconciler.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.graph.Throughput;
import org.settingsreconciler.sandbox.GraphSandbox;
import org.settingsreconciler.sandbox.SandboxProbe;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Throttled runs (issue 17's goals: at most 2% of requests answered 429, wall time within 1.2 × the throttled ideal):
 * for each N of {@code benchmark.throttledUsers} a sandbox tenant of N users (as {@link ScaleBenchmark}'s) that lets
 * the CLI make {@code benchmark.throttleBudget} requests per {@code benchmark.throttleWindowMs}, answering past it
 * 429 with a Retry-After that grows on repeated throttling. The CLI, each run in a JVM of its own, batched at the
 * defaults, runs in this order, one after another as a user's would, sharing the rates it remembers between runs:
 *
 * <ol>
 *   <li>{@code plan}, the first run against this tenant: no rate remembered, so it starts at full speed;
 *   <li>{@code plan} again, from the rate the first one remembered;
 *   <li>{@code export --all-users}; 4. {@code apply --auto-approve} (N creates, then the read-back);
 *   <li>{@code plan} while another app of the tenant ({@link NeighbourApp}) reads at {@code benchmark.neighbourRate}
 *       requests a second, and the tenant's apps share one budget of {@code benchmark.throttleBudget} as well: the
 *       rate remembered is now too high by what the other app takes, and Graph's budget is shared like this.
 * </ol>
 *
 * For each: the requests (batch items one by one), how many were answered 429 and their share, the wall time against
 * the throttled ideal (each request that succeeded, sent once at the budget: successes ÷ budget × window, the budget
 * less the other app's rate in the last run), also with
 * the CLI's start-up taken off (JVM start for export, JVM start plus loading the YAML for plan and apply), and the
 * rate it remembered for the {@code users} workload when it ended. Fails if any request was sent before its
 * Retry-After.
 *
 * <p>Properties: benchmark.throttleBudget (500; 0 skips), benchmark.throttleWindowMs (1000),
 * benchmark.throttledUsers ("1000,10000"), benchmark.neighbourRate (100; 0 skips the last run),
 * benchmark.latencyMs (50), benchmark.xmx (512m), benchmark.jvmArgs, benchmark.launch ("script" or "java-jar").
 */
@Tag("benchmark")
class ThrottleBenchmark {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final int budget = Integer.getInteger("benchmark.throttleBudget", 500);
  private final long windowMs = Long.getLong("benchmark.throttleWindowMs", 1000);
  private final List<Integer> sizes = Stream.of(System.getProperty("benchmark.throttledUsers", "1000,10000")
      .split("[,\\s]+")).filter(s -> !s.isBlank()).map(Integer::valueOf).toList();
  private final int neighbourRate = Integer.getInteger("benchmark.neighbourRate", 100);
  private final long latencyMs = Long.getLong("benchmark.latencyMs", 50);
  private final String maxHeap = System.getProperty("benchmark.xmx", "512m");
  private final String jvmArgs = System.getProperty("benchmark.jvmArgs", "");
  private final ChildRun.Launch launch = ChildRun.Launch.valueOf(
      System.getProperty("benchmark.launch", "script").toUpperCase(Locale.ROOT).replace('-', '_'));

  @TempDir Path dir;

  /** One throttled run. */
  /** @param available the requests a window left for the CLI: the budget, less another app's */
  private record Row(int users, String run, BenchOp.Outcome outcome, long startUpMillis, String remembered,
      double available) {}

  @Test
  void throttled() throws Exception {
    Assumptions.assumeTrue(budget > 0, "benchmark.throttleBudget=0: no throttled runs");
    List<String> extra = jvmArgs.isBlank() ? List.of() : List.of(jvmArgs.strip().split("\\s+"));
    List<String> defaults = List.of("--batch-size", String.valueOf(Throughput.MAX_BATCH),
        "--concurrency", String.valueOf(Throughput.DEFAULT_CONCURRENCY));
    List<Row> rows = new ArrayList<>();
    for (int n : sizes) {
      Path at = Files.createDirectories(dir.resolve("n" + n));
      ObjectNode seed = BenchTenant.seed(n);
      ChildRun child = new ChildRun(at, maxHeap, extra, launch); // its own config: nothing remembered yet
      try (GraphSandbox sandbox = GraphSandbox.start(0, null, seed)) {
        SandboxProbe probe = SandboxProbe.on(sandbox);
        Path desired = BenchTenant.desiredState(sandbox, at, n);
        long jvm = child.run(List.of("--version")).wallMillis();
        ChildRun.Result validated = child.run(List.of("validate", desired.toString()));
        assertThat(validated.exit()).as(validated.err()).isZero();
        long load = validated.wallMillis();
        sandbox.setLatency(Duration.ofMillis(latencyMs));
        sandbox.setThrottle(budget, Duration.ofMillis(windowMs));
        for (String[] run : List.of(new String[] {"plan", "plan, first run (nothing remembered)"},
            new String[] {"plan", "plan again"}, new String[] {"export", "export --all-users"},
            new String[] {"apply", "apply"})) {
          BenchOp.Outcome o = BenchOp.run(sandbox, probe, seed, n, child, desired, at, run[0], defaults);
          assertThat(o.stats().earlyRetries()).as(run[1] + ": requests sent before their Retry-After").isZero();
          rows.add(new Row(n, run[1], o, run[0].equals("export") ? jvm : load, remembered(at), budget));
        }
        if (neighbourRate > 0) {
          sandbox.setThrottle(budget, budget, Duration.ofMillis(windowMs));
          BenchOp.Outcome o;
          try (NeighbourApp ignored = new NeighbourApp(sandbox, neighbourRate)) {
            o = BenchOp.run(sandbox, probe, seed, n, child, desired, at, "plan", defaults);
          }
          String run = String.format(Locale.ROOT, "plan, another app reading %d a second, tenant budget %d",
              neighbourRate, budget);
          assertThat(o.stats().earlyRetries()).as(run + ": requests sent before their Retry-After").isZero();
          rows.add(new Row(n, run, o, load, remembered(at), budget - neighbourRate * windowMs / 1000.0));
        }
      }
    }
    String report = render(rows);
    System.out.println(report);
    Files.writeString(Path.of("target", "benchmark-throttled.md"), report);
  }

  /** The rate the CLI remembered for the {@code users} workload, as its file in {@code at}/config says. */
  private static String remembered(Path at) throws IOException {
    Path config = at.resolve("config").resolve("settings-reconciler");
    if (!Files.isDirectory(config)) {
      return "-";
    }
    try (Stream<Path> files = Files.list(config)) {
      for (Path f : files.filter(p -> p.getFileName().toString().startsWith("learned-rates-")).toList()) {
        JsonNode users = JSON.readTree(Files.readString(f)).path("workloads").path("users");
        if (users.has("requestsPerSecond")) {
          return String.format(Locale.ROOT, "%.0f/s", users.get("requestsPerSecond").asDouble());
        }
      }
    }
    return "-";
  }

  private String render(List<Row> rows) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "### Throttled: %d requests per %d ms for the CLI, then 429 with a growing "
        + "Retry-After; latency %d ms, batched at the defaults%n%n", budget, windowMs, latencyMs));
    b.append("| users | run | requests (answered 429) | share answered 429 | throttled ideal (successes ÷ budget left) "
        + "| wall time | × ideal | × ideal, after start-up | rate remembered after (users) |\n");
    b.append("|---|---|---|---|---|---|---|---|---|\n");
    for (Row r : rows) {
      long requests = r.outcome().stats().requests();
      long refused = r.outcome().stats().throttled();
      double ideal = (requests - refused) / r.available() * windowMs;
      long wall = r.outcome().result().wallMillis();
      b.append(String.format(Locale.ROOT, "| %,d | %s | %,d (%,d) | %.1f%% | %.2f s | %.2f s | %.2f | %.2f (start-up "
              + "%.2f s) | %s |%n", r.users(), r.run(), requests, refused, 100.0 * refused / requests, ideal / 1000,
          wall / 1000.0, wall / ideal, (wall - r.startUpMillis()) / ideal, r.startUpMillis() / 1000.0,
          r.remembered()));
    }
    return b.toString();
  }
}
