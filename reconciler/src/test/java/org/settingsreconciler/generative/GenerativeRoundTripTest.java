package org.settingsreconciler.generative;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.sandbox.GraphSandbox;
import org.settingsreconciler.secrets.TestTokens;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generative round trip (issue 14, item 4): a thousand tenants a run (each dozens of settings, items and values)
 * drawn from Microsoft's metadata types, each loaded into an in-process sandbox and exported, the export validated
 * and planned (no changes); then a desired state drawn the same way applied, planned again (no changes) and read
 * back. Seeded: case {@code i} of a run is drawn from seed {@code roundtrip.seed + i} alone, so a failure prints the
 * one command that replays it, and the smallest case the shrinker found that fails the same way.
 *
 * <p>{@code -Droundtrip.seed=N} picks the seed, {@code -Droundtrip.cases=N} the number of cases (long runs: a new
 * seed and many cases). The count is what runs in well under a minute on the two cores of a build machine.
 */
class GenerativeRoundTripTest {

  static final long SEED = Long.getLong("roundtrip.seed", 20261124L);
  static final int CASES = Integer.getInteger("roundtrip.cases", 1000);

  /** Round trips the shrinker may run on a failure: enough to shrink a case, bounded so a failure is quick. */
  static final int SHRINK_BUDGET = Integer.getInteger("roundtrip.shrinkBudget", 400);

  /**
   * Cases run at once, each worker with a sandbox of its own: a case is a handful of CLI runs one after the other,
   * which keep one core busy, and the build machines have two.
   */
  static final int WORKERS = Integer.getInteger("roundtrip.workers", Math.min(2, Runtime.getRuntime().availableProcessors()));

  @TempDir Path dir;

  @Test
  void exportedTenantsPlanToNoChangesAndAppliedStatesReadBackAsDesired() throws Exception {
    String token = TestTokens.distinct("roundtrip");
    AtomicInteger next = new AtomicInteger();
    Map<Integer, RoundTrip.Failure> failures = new ConcurrentSkipListMap<>();
    List<GraphSandbox> sandboxes = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int w = 0; w < WORKERS; w++) {
        GraphSandbox sandbox = GraphSandbox.start(0, null, GraphSandbox.emptyTenant());
        sandboxes.add(sandbox);
        RoundTrip roundTrip = new RoundTrip(sandbox, Files.createDirectories(dir.resolve("worker" + w)), token);
        workers.add(pool.submit(() -> {
          // Cases are handed out in order; once one fails, no later one starts, and the first failure is reported.
          for (int i = next.getAndIncrement(); i < CASES && failures.isEmpty(); i = next.getAndIncrement()) {
            int index = i;
            roundTrip.run(drawn(index)).ifPresent(f -> failures.put(index, f));
          }
          return null;
        }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
      if (!failures.isEmpty()) {
        int index = failures.keySet().iterator().next();
        RoundTripCase c = RoundTripCase.draw(SEED + index);
        RoundTrip roundTrip = new RoundTrip(sandboxes.get(0), Files.createDirectories(dir.resolve("shrink")), token);
        Shrinker.Shrunk shrunk = new Shrinker(roundTrip::run, SHRINK_BUDGET).shrink(c, failures.get(index));
        fail(report(SEED + index, index, failures.get(index), shrunk));
      }
    } finally {
      pool.shutdownNow();
      sandboxes.forEach(GraphSandbox::close);
    }
  }

  /** Case {@code index}; a generator that throws is reported with the seed that replays it. */
  private static RoundTripCase drawn(int index) {
    try {
      return RoundTripCase.draw(SEED + index);
    } catch (RuntimeException e) {
      throw new AssertionError("drawing case " + index + " threw. Replay it: " + replay(SEED + index), e);
    }
  }

  private static String replay(long seed) {
    return "mvn -B -ntp -o test -Dtest=GenerativeRoundTripTest -Droundtrip.seed=" + seed + " -Droundtrip.cases=1";
  }

  private static String report(long seed, int index, RoundTrip.Failure first, Shrinker.Shrunk shrunk) {
    var json = JsonMapper.builder().build().writerWithDefaultPrettyPrinter();
    RoundTripCase small = shrunk.smallest();
    return "case " + index + " (seed " + seed + ") failed: " + first.stage() + "\n"
        + "Replay it: " + replay(seed) + "\n\n"
        + "Smallest failing case found (" + shrunk.tries() + " tries): " + shrunk.failure().stage() + "\n"
        + "--- tenant (sandbox seed)\n" + json.writeValueAsString(small.tenant()) + "\n"
        + "--- export options\n" + small.export() + "\n"
        + "--- desired state\n" + small.desiredYaml() + "\n"
        + "--- what failed\n" + shrunk.failure().detail() + "\n\n"
        + "--- the case as drawn failed with\n" + first.detail();
  }
}
