package org.settingsreconciler.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.sandbox.GraphSandbox;
import org.settingsreconciler.sandbox.LoadStats;
import org.settingsreconciler.sandbox.SandboxProbe;
import tools.jackson.databind.node.ObjectNode;

/**
 * Memory and time against the number of users (issue 17): for each N of {@code benchmark.sizes} a sandbox tenant of
 * N users made on the fly (as {@link ScaleBenchmark}'s, five interests each), and the CLI in a JVM of its own runs
 * {@code export --all-users} under {@code benchmark.exportXmx} (256m: the goal) and {@code plan} and {@code check} of
 * every user's interests under {@code benchmark.planXmx} (1g: the goal). A run that needed more heap than its cap
 * fails with OutOfMemoryError, and the benchmark with it. The table gives each run's wall time, its heap as the GC
 * log shows it (the most live after a collection, and the most in use at all), and per operation the slope of wall
 * time against N (least squares) with how far each run is from the line.
 *
 * <p>Run only when asked: {@code mvn -B -ntp -o -Pbenchmark verify -Dtest=SizesBenchmark
 * -Dbenchmark.sizes=10000,30000,100000}. Properties: benchmark.sizes (N, comma-separated), benchmark.sizeOps
 * ("export plan check"), benchmark.latencyMs (50), benchmark.exportXmx (256m), benchmark.planXmx (1g),
 * benchmark.jvmArgs (more options for the CLI's JVM), benchmark.launch ("script" or "java-jar").
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "benchmark.sizes", matches = ".+")
class SizesBenchmark {

  private final List<Integer> sizes = List.of(System.getProperty("benchmark.sizes", "").split("[,\\s]+")).stream()
      .filter(s -> !s.isBlank()).map(Integer::valueOf).toList();
  private final List<String> ops = List.of(System.getProperty("benchmark.sizeOps", "export plan check")
      .replace(',', ' ').strip().split("\\s+"));
  private final long latencyMs = Long.getLong("benchmark.latencyMs", 50);
  private final String exportXmx = System.getProperty("benchmark.exportXmx", "256m");
  private final String planXmx = System.getProperty("benchmark.planXmx", "1g");
  private final String jvmArgs = System.getProperty("benchmark.jvmArgs", "");
  private final ChildRun.Launch launch = ChildRun.Launch.valueOf(
      System.getProperty("benchmark.launch", "script").toUpperCase(Locale.ROOT).replace('-', '_'));

  @TempDir Path dir;

  /** One measured run. */
  record Row(String op, int users, String xmx, LoadStats stats, ChildRun.Result result) {}

  @Test
  void sizes() throws Exception {
    List<Row> rows = new ArrayList<>();
    List<String> outOfMemory = new ArrayList<>();
    List<String> extra = jvmArgs.isBlank() ? List.of() : List.of(jvmArgs.strip().split("\\s+"));
    for (int n : sizes) {
      Path at = Files.createDirectories(dir.resolve("n" + n));
      ChildRun exports = new ChildRun(Files.createDirectories(at.resolve("export")), exportXmx, extra, launch);
      ChildRun plans = new ChildRun(Files.createDirectories(at.resolve("plan")), planXmx, extra, launch);
      ObjectNode seed = BenchTenant.seed(n);
      try (GraphSandbox sandbox = GraphSandbox.start(0, null, seed)) {
        SandboxProbe probe = SandboxProbe.on(sandbox);
        Path desired = BenchTenant.desiredState(sandbox, at, n);
        sandbox.setLatency(Duration.ofMillis(latencyMs));
        for (String op : ops) {
          probe.resetStats();
          probe.clearRequests();
          Path exported = at.resolve("export.yaml");
          List<String> args = new ArrayList<>(switch (op) {
            case "export" -> List.of("export", "--all-users", "--out", exported.toString());
            case "plan" -> List.of("plan", desired.toString());
            case "check" -> List.of("check", desired.toString());
            default -> throw new IllegalArgumentException("benchmark.sizeOps: " + op);
          });
          args.addAll(List.of("--graph-url", sandbox.baseUrl().toString()));
          ChildRun.Result r = (op.equals("export") ? exports : plans).run(args);
          String what = op + " of " + n + " users\n" + tail(r.out()) + "\n" + tail(r.err());
          if (r.err().contains("OutOfMemoryError")) {
            // A goal missed, not a broken run: it goes in the table, and the benchmark fails once the table is out.
            outOfMemory.add(op + " of " + n + " users under -Xmx" + (op.equals("export") ? exportXmx : planXmx));
            rows.add(new Row(op, n, (op.equals("export") ? exportXmx : planXmx) + " (out of memory)", probe.stats(),
                r));
            System.out.printf(Locale.ROOT, "%s of %,d users: out of memory%n", op, n);
            continue;
          }
          switch (op) {
            case "export" -> {
              assertThat(r.exit()).as(what).isZero();
              assertThat(countUsers(exported)).as(what).isEqualTo(n);
            }
            case "plan" -> {
              assertThat(r.exit()).as(what).isZero();
              assertThat(r.out()).as(what).contains(String.format(Locale.ROOT, "Plan: %d to create", n));
            }
            default -> assertThat(r.exit()).as(what).isEqualTo(2);
          }
          rows.add(new Row(op, n, op.equals("export") ? exportXmx : planXmx, probe.stats(), r));
          System.out.printf(Locale.ROOT, "%s of %,d users: %.1f s, live after a full GC %s, heap live %s / peak %s%n",
              op, n, r.wallMillis() / 1000.0, mb(r.liveAfterFullGcBytes()), mb(r.liveAfterGcBytes()),
              mb(r.sampledBytes()));
        }
      }
    }
    String report = render(rows);
    System.out.println(report);
    Files.writeString(Path.of("target", "benchmark-sizes.md"), report);
    assertThat(outOfMemory).as("runs that needed more heap than the goal").isEmpty();
  }

  /** The users an export holds: the lines that open one (two spaces, then the name). */
  private static long countUsers(Path exported) throws IOException {
    try (var lines = Files.lines(exported)) {
      return lines.filter(l -> l.startsWith("  user") && l.endsWith("@bench.example:")).count();
    }
  }

  private String render(List<Row> rows) {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
        "### Memory and time against N: latency %d ms, the CLI's defaults (batches of 20, concurrency 8)%n%n"
            + "Each run succeeded within its heap limit (-Xmx), so that is a bound on its peak heap. Live after a full "
            + "GC is the data the run held at the time (- when the collector never needed a full collection); live "
            + "after any GC and the peak in use include dead data the old generation still held.%n%n"
            + "| operation | N users | heap limit | requests | wall time | ms per 1,000 users | live after a full GC "
            + "| heap, live after any GC / peak in use |%n"
            + "|---|---|---|---|---|---|---|---|%n", latencyMs));
    for (Row r : rows) {
      b.append(String.format(Locale.ROOT, "| %s | %,d | %s | %,d | %.1f s | %.0f | %s | %s / %s |%n", r.op(),
          r.users(), r.xmx(), r.stats().requests(), r.result().wallMillis() / 1000.0,
          r.result().wallMillis() * 1000.0 / r.users(), mb(r.result().liveAfterFullGcBytes()),
          mb(r.result().liveAfterGcBytes()), mb(r.result().sampledBytes())));
    }
    b.append("\n| operation | slope (s per 10,000 users) | intercept | largest miss from the line |\n|---|---|---|---|\n");
    for (String op : ops) {
      List<Row> of = rows.stream().filter(r -> r.op().equals(op)).toList();
      if (of.size() < 2) {
        continue;
      }
      double n = of.size();
      double sx = 0;
      double sy = 0;
      double sxx = 0;
      double sxy = 0;
      for (Row r : of) {
        double x = r.users();
        double y = r.result().wallMillis() / 1000.0;
        sx += x;
        sy += y;
        sxx += x * x;
        sxy += x * y;
      }
      double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
      double intercept = (sy - slope * sx) / n;
      double miss = 0;
      for (Row r : of) {
        double fit = intercept + slope * r.users();
        miss = Math.max(miss, Math.abs(r.result().wallMillis() / 1000.0 - fit) / fit);
      }
      b.append(String.format(Locale.ROOT, "| %s | %.2f s | %.1f s | %.0f%% |%n", op, slope * 10_000, intercept,
          miss * 100));
    }
    return b.toString();
  }

  private static String mb(long bytes) {
    return bytes < 0 ? "-" : String.format(Locale.ROOT, "%,d MB", bytes >> 20);
  }

  private static String tail(String s) {
    return s.length() < 2000 ? s : s.substring(s.length() - 2000);
  }
}
