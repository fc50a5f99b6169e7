package org.settingsreconciler.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.settingsreconciler.sandbox.LoadStats;

/** The benchmark's tables in Markdown: every run, then the ratios and goals per operation. */
final class BenchReport {

  record Line(String op, String mode, LoadStats stats, long reads, long writes, ChildRun.Result result) {}

  private static final int BATCH = 20;

  private final int users;
  private final long latencyMs;
  private final int concurrency;
  private final String maxHeap;

  BenchReport(int users, long latencyMs, int concurrency, String maxHeap) {
    this.users = users;
    this.latencyMs = latencyMs;
    this.concurrency = concurrency;
    this.maxHeap = maxHeap;
  }

  /**
   * @param jvmStartMillis the CLI's start-up ({@code --version})
   * @param loadMillis start-up plus loading the desired state ({@code validate}): what plan and apply do before any
   *     request
   */
  String render(List<Line> lines, Map<String, String> notes, long jvmStartMillis, long loadMillis) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "### Benchmark: %,d users × %d interests, latency %d ms, batched at "
        + "concurrency %d, CLI heap limit -Xmx%s%n%n", users, BenchTenant.INTERESTS, latencyMs, concurrency, maxHeap));
    notes.forEach((k, v) -> b.append("- ").append(k).append(": ").append(v).append('\n'));
    b.append("\n| operation | mode | round trips (batches + single) | requests (reads / writes) | wall time "
        + "| × ideal time | heap, live / peak | 429s / early retries | share answered 429 |\n");
    b.append("|---|---|---|---|---|---|---|---|---|\n");
    for (Line l : lines) {
      LoadStats s = l.stats();
      b.append(String.format(Locale.ROOT, "| %s | %s | %,d (%,d + %,d) | %,d (%,d / %,d) | %s | %.1f | %s / %s "
              + "| %,d / %,d | %s |%n",
          l.op(), l.mode(), s.roundTrips(), s.batches(), s.singles(), s.requests(), l.reads(), l.writes(),
          seconds(l.result().wallMillis()), l.result().wallMillis() / idealMillis(l.op(), lines),
          mb(l.result().liveAfterGcBytes()), mb(l.result().sampledBytes()), s.throttled(), s.earlyRetries(),
          percent(s.throttled(), s.requests())));
    }
    b.append("\n| operation | ideal round trips | ideal time | batched round trips ÷ ideal | batched | "
        + "1 per request, 10 at a time | speed-up | 1 at a time | speed-up | speed-up over 10 at a time, after "
        + "start-up |\n");
    b.append("|---|---|---|---|---|---|---|---|---|---|\n");
    for (String op : List.of("plan", "export", "apply")) {
      if (find(lines, op, "batched").isEmpty()) {
        continue;
      }
      Line batched = find(lines, op, "batched").orElseThrow();
      Optional<Line> ten = find(lines, op, "1 per request, 10 at a time");
      Optional<Line> one = find(lines, op, "1 per request, 1 at a time");
      long ideal = idealRoundTrips(batched);
      // What a run spends before its first request is the same whatever the mode: without it, the ratio shows
      // what batching changes.
      long startUp = op.equals("export") ? jvmStartMillis : loadMillis;
      b.append(String.format(Locale.ROOT, "| %s | %,d | %s | %.2f | %s | %s | %s | %s | %s | %s |%n",
          op, ideal, seconds(Math.round(idealMillis(op, lines))),
          batched.stats().roundTrips() / (double) ideal, seconds(batched.result().wallMillis()),
          ten.map(t -> seconds(t.result().wallMillis())).orElse("-"), ten.map(t -> ratio(t, batched)).orElse("-"),
          one.map(t -> seconds(t.result().wallMillis())).orElse("-"), one.map(t -> ratio(t, batched)).orElse("-"),
          ten.map(t -> String.format(Locale.ROOT, "%.2f× (start-up %s)",
              (t.result().wallMillis() - startUp) / (double) Math.max(1, batched.result().wallMillis() - startUp),
              seconds(startUp))).orElse("-")));
    }
    Optional<Line> planned = find(lines, "plan", "batched");
    if (planned.isEmpty()) {
      return b.toString();
    }
    Line plan = planned.get();
    double budget = 2 * idealMillis("plan", lines) + jvmStartMillis;
    b.append(String.format(Locale.ROOT, "%nplan: %,d round trips for an ideal of %,d; %s against 2 × ideal + JVM "
            + "start = %s, or %s counting the loading of the YAML as start-up.%n",
        plan.stats().roundTrips(), idealRoundTrips(plan), seconds(plan.result().wallMillis()),
        seconds(Math.round(budget)), seconds(Math.round(budget - jvmStartMillis + loadMillis))));
    long peak = lines.stream().mapToLong(l -> l.result().sampledBytes()).max().orElse(0);
    b.append(String.format(Locale.ROOT, "Peak heap over all runs: %s (limit -Xmx%s).%n", mb(peak), maxHeap));
    return b.toString();
  }

  private static String percent(long part, long whole) {
    return whole == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
  }

  private static Optional<Line> find(List<Line> lines, String op, String mode) {
    return lines.stream().filter(l -> l.op().equals(op) && l.mode().equals(mode)).findFirst();
  }

  /** ⌈reads/20⌉ + ⌈writes/20⌉, counted in the unthrottled batched run, where each request went exactly once. */
  private static long idealRoundTrips(Line batched) {
    return ceilDiv(batched.reads(), BATCH) + ceilDiv(batched.writes(), BATCH);
  }

  private double idealMillis(String op, List<Line> lines) {
    return idealRoundTrips(find(lines, op, "batched").orElseThrow()) / (double) concurrency * latencyMs;
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }

  private static String ratio(Line slow, Line fast) {
    return String.format(Locale.ROOT, "%.2f×", slow.result().wallMillis() / (double) fast.result().wallMillis());
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
  }

  private static String mb(long bytes) {
    return bytes < 0 ? "?" : String.format(Locale.ROOT, "%d MB", Math.round(bytes / 1048576.0));
  }
}
