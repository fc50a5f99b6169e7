package org.settingsreconciler.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.settingsreconciler.sandbox.GraphSandbox;
import org.settingsreconciler.sandbox.LoadStats;
import org.settingsreconciler.sandbox.RecordedRequest;
import org.settingsreconciler.sandbox.SandboxProbe;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One measured CLI run of the benchmarks: {@code plan}, {@code export --all-users} or {@code apply --auto-approve}
 * against a fresh copy of the bench tenant, held to the outcome every such run must have (N creates planned, N users
 * exported, N interests created), with what reached the sandbox meanwhile.
 */
final class BenchOp {

  /**
   * What one run cost: the sandbox's counts of the CLI's requests (another app's, such as {@link NeighbourApp}'s, are
   * left out), the requests by kind (batch items one by one; every client's), and the run itself.
   */
  record Outcome(LoadStats stats, long reads, long writes, ChildRun.Result result) {}

  private BenchOp() {}

  /**
   * @param seed the tenant every run starts from (loaded again first, so each has the same N interests to create)
   * @param dir where the export is written
   * @param extra options after the command's own (batch size, concurrency)
   */
  static Outcome run(GraphSandbox sandbox, SandboxProbe probe, ObjectNode seed, int users, ChildRun child,
      Path desired, Path dir, String op, List<String> extra) throws IOException, InterruptedException {
    sandbox.load(seed);
    probe.resetStats();
    probe.clearRequests();
    List<String> args = new ArrayList<>();
    Path exported = dir.resolve("export.yaml");
    switch (op) {
      case "plan" -> args.addAll(List.of("plan", desired.toString()));
      case "export" -> args.addAll(List.of("export", "--all-users", "--out", exported.toString()));
      case "apply" -> args.addAll(List.of("apply", desired.toString(), "--auto-approve"));
      default -> throw new IllegalArgumentException("no such benchmark operation: " + op);
    }
    args.addAll(List.of("--graph-url", sandbox.baseUrl().toString()));
    args.addAll(extra);
    ChildRun.Result r = child.run(args);
    String what = op + " " + extra;
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
    return new Outcome(probe.stats(ChildRun.TOKEN), reads, writes, r);
  }

  private static String tail(String s) {
    return s.length() < 2000 ? s : s.substring(s.length() - 2000);
  }
}
