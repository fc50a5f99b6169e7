package org.settingsreconciler.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.settingsreconciler.auth.AuthMethod;
import org.settingsreconciler.graph.Throughput;
import org.settingsreconciler.run.GraphTarget;
import org.settingsreconciler.sandbox.Fault;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where Graph is: the options of every command that talks to it, read as a {@link GraphTarget}. */
public final class GraphOptions {

  @Option(
      names = "--graph-url",
      paramLabel = "URL",
      description = "Graph root (default: the cloud's, " + GraphTarget.DEFAULT_GRAPH_URL + " in the global cloud). Without a "
          + "version each setting goes to v1.0 where it exists there, else beta; ending in /beta or /v1.0, "
          + "everything goes to that version. Must be https unless it is on loopback.")
  String graphUrl;

  @Option(
      names = "--auth",
      paramLabel = "METHOD",
      defaultValue = "auto",
      converter = AuthMethodConverter.class,
      description = "How to sign in: auto (default), token, client-secret, certificate, workload-identity, "
          + "managed-identity, device-code or azure-cli.")
  AuthMethod auth;

  @Mixin CloudOptions cloud = new CloudOptions();

  @Option(
      names = "--sandbox",
      description = "Run against the built-in sandbox tenant (started in-process; no credentials needed).")
  boolean sandbox;

  @Option(
      names = "--sandbox-state",
      paramLabel = "FILE",
      description = "With --sandbox: keep the sandbox tenant in FILE, so later runs see what this one applied.")
  Path sandboxState;

  @Option(
      names = "--sandbox-fault",
      paramLabel = "SPEC",
      converter = FaultSpecConverter.class,
      description = "With --sandbox: make the sandbox misbehave, e.g. 'PATCH /admin/people/pronouns=503x2' (the "
          + "first two PATCHes answer 503), '=429:retry-after=1.5', '=reset', '=timeout'. Repeatable; see "
          + "docs/guides/sandbox.md (fault mode).")
  List<Fault> sandboxFaults = new ArrayList<>();

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      defaultValue = "20",
      converter = Range.BatchSize.class,
      description = "Requests per JSON batch, ${bundle:range.BatchSize} (default: ${DEFAULT-VALUE}); 1 sends each request on its own.")
  int batchSize;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      defaultValue = "" + Throughput.DEFAULT_CONCURRENCY,
      converter = Range.Concurrency.class,
      description = "Round trips (batches or requests) in flight at once, ${bundle:range.Concurrency} (default: ${DEFAULT-VALUE}).")
  int concurrency;

  /** Where these options say Graph is, as a run takes it. */
  GraphTarget target() {
    return new GraphTarget(graphUrl, auth, cloud.tenant, cloud.cloud, sandbox, sandboxState, sandboxFaults,
        new Throughput(batchSize, concurrency));
  }
}
