package org.settingsreconciler.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.settingsreconciler.tenant.TenantConfig;
import org.settingsreconciler.auth.AuthMethod;
import org.settingsreconciler.graph.GraphVersion;
import picocli.CommandLine.Mixin;
import org.settingsreconciler.graph.Throughput;
import org.settingsreconciler.sandbox.Fault;
import picocli.CommandLine.Option;

/** Where Graph is: the options of every command that talks to it. */
public final class GraphOptions {

  public static final String DEFAULT_GRAPH_URL = "https://graph.microsoft.com";

  @Option(
      names = "--graph-url",
      paramLabel = "URL",
      description = "Graph root (default: the cloud's, " + DEFAULT_GRAPH_URL + " in the global cloud). Without a "
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
          + "first two PATCHes answer 503), '=429:retry-after=1.5', '=reset', '=timeout'. Repeatable; see the README.")
  List<Fault> sandboxFaults = new ArrayList<>();

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      defaultValue = "20",
      converter = Range.BatchSize.class,
      description = "Requests per JSON batch, 1 to 20 (default: ${DEFAULT-VALUE}); 1 sends each request on its own.")
  int batchSize;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      defaultValue = "" + Throughput.DEFAULT_CONCURRENCY,
      converter = Range.Concurrency.class,
      description = "Round trips (batches or requests) in flight at once, 1 to 64 (default: ${DEFAULT-VALUE}).")
  int concurrency;

  /** These options with another sandbox state file: a fleet tenant's own. */
  GraphOptions withSandboxState(Path state) {
    GraphOptions copy = copy();
    copy.sandboxState = state;
    return copy;
  }

  /**
   * These options for one tenant of a fleet: its cloud and tenant id where the command line names none, and its
   * graphUrl (a fleet refuses --graph-url, which would send every tenant to one Graph).
   */
  GraphOptions forTenant(TenantConfig tenant) {
    GraphOptions copy = copy();
    copy.cloud = cloud.orTenant(tenant);
    if (tenant.graphUrl() != null) {
      copy.graphUrl = tenant.graphUrl();
    }
    return copy;
  }

  private GraphOptions copy() {
    GraphOptions copy = new GraphOptions();
    copy.graphUrl = graphUrl;
    copy.auth = auth;
    copy.cloud = cloud;
    copy.sandbox = sandbox;
    copy.sandboxState = sandboxState;
    copy.sandboxFaults = List.copyOf(sandboxFaults);
    copy.batchSize = batchSize;
    copy.concurrency = concurrency;
    return copy;
  }

  /** Within Throughput's limits: the options' converters saw to that. */
  Throughput throughput() {
    return new Throughput(batchSize, concurrency);
  }

  URI graphRoot() {
    String graphUrl = this.graphUrl != null ? this.graphUrl : cloud.cloud().graphRoot();
    URI uri;
    try {
      uri = URI.create(graphUrl);
    } catch (IllegalArgumentException e) {
      throw new UserError("--graph-url is not a URL: " + graphUrl);
    }
    if (uri.getHost() == null || uri.getScheme() == null) {
      throw new UserError("--graph-url must be an absolute URL such as " + DEFAULT_GRAPH_URL);
    }
    boolean https = uri.getScheme().equalsIgnoreCase("https");
    boolean http = uri.getScheme().equalsIgnoreCase("http");
    if (!https && !(http && isLoopback(uri.getHost()))) {
      throw new UserError("--graph-url must use https (plain http is allowed only on loopback): " + graphUrl);
    }
    refuseUnknownVersion(uri, graphUrl);
    return uri;
  }

  /**
   * A root whose last segment looks like a version Graph does not have ({@code /v1}, {@code /v2.0}): taken as a root
   * without a version, it would put every path after it ({@code /v1/v1.0/admin/...}), so it is surely a typo.
   */
  private static void refuseUnknownVersion(URI uri, String graphUrl) {
    String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
    String last = path.substring(path.lastIndexOf('/') + 1);
    if (last.matches("(?i)v\\d+(\\.\\d+)*|beta.*") && GraphVersion.named(last).isEmpty()) {
      throw new UserError("--graph-url ends in /" + last + ", which is not a Graph version: give the root without a "
          + "version (" + DEFAULT_GRAPH_URL + "), or end it in /v1.0 or /beta");
    }
  }

  /** Only loopback literals and localhost: a DNS name such as 127.0.0.1.example.com may resolve anywhere. */
  static boolean isLoopback(String host) {
    String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    return h.equalsIgnoreCase("localhost") || h.matches("127(\\.\\d{1,3}){3}") || h.equals("::1");
  }
}
