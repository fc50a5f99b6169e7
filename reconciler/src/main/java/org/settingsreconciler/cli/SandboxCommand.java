package org.settingsreconciler.cli;

import org.settingsreconciler.text.Plural;
import org.settingsreconciler.run.ExitCode;
import org.settingsreconciler.run.UserError;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.settingsreconciler.sandbox.Fault;
import org.settingsreconciler.sandbox.GraphSandbox;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    mixinStandardHelpOptions = true,
    name = "sandbox",
    description = "Run the built-in Graph sandbox on loopback until interrupted, so separate runs share a tenant.")
final class SandboxCommand implements Callable<Integer> {

  private final CliContext ctx;

  @Option(names = "--port", paramLabel = "N", defaultValue = "8080", converter = Range.Port.class,
      description = "Port on 127.0.0.1, ${bundle:range.Port}; 0 takes any free port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--state", paramLabel = "FILE",
      description = "Keep the tenant in FILE (read at start if it exists, written after every change).")
  Path state;

  @Option(names = "--latency-ms", paramLabel = "MS", defaultValue = "0", converter = Range.LatencyMs.class,
      description = "Wait MS milliseconds before answering each HTTP round trip, as a distant service would; "
          + "${bundle:range.LatencyMs} (default: ${DEFAULT-VALUE}).")
  int latencyMs;

  @Option(names = "--throttle-budget", paramLabel = "N", defaultValue = "0", converter = Range.ZeroOrMore.class,
      description = "Throttle like Graph: each client may make N requests (batch items count one by one) per "
          + "window, then gets 429 with Retry-After, a window longer each time it is throttled again right after; "
          + "users, groups and the organization warn past 0.8 of it (x-ms-throttle-limit-percentage); "
          + "${bundle:range.ZeroOrMore}. 0 (the default) turns throttling off.")
  int throttleBudget;

  @Option(names = "--throttle-tenant-budget", paramLabel = "N", defaultValue = "0", converter = Range.ZeroOrMore.class,
      description = "Throttle the tenant too, as Graph limits all apps of a tenant together: all clients together may "
          + "make N requests per window (batch items count one by one), the first budget to run out refusing; "
          + "${bundle:range.ZeroOrMore}. 0 (the default): no tenant budget.")
  int throttleTenantBudget;

  @Option(names = "--throttle-window-ms", paramLabel = "MS", defaultValue = "1000", converter = Range.WindowMs.class,
      description = "The throttling window in milliseconds, ${bundle:range.WindowMs} (default: ${DEFAULT-VALUE}).")
  int throttleWindowMs;

  @Option(names = "--page-size", paramLabel = "N", converter = Range.PageSize.class,
      description = "The most items a page of any list holds, $top or not, ${bundle:range.PageSize}; small values exercise paging. "
          + "By default pages are Graph's: 100 items, or up to 999 with $top.")
  Integer pageSize;

  @Option(names = "--fault", paramLabel = "SPEC", converter = FaultSpecConverter.class,
      description = "Misbehave as SPEC says, e.g. 'PATCH /admin/people/pronouns=503x2' (the first two PATCHes "
          + "answer 503), 'GET /admin/people/itemInsights=reset', '=timeout', '=malformed', '=429:retry-after=1.5'. "
          + "Repeatable; see docs/guides/sandbox.md (fault mode).")
  List<Fault> faults = new ArrayList<>();

  /** The banner's words for the throttle: per client, for the whole tenant, both, or none. */
  private String throttling() {
    if (throttleBudget == 0 && throttleTenantBudget == 0) {
      return "no throttling.";
    }
    String perClient = throttleBudget == 0 ? "" : Plural.count(throttleBudget, "request") + " per client";
    String tenant = throttleTenantBudget == 0 ? "" : Plural.count(throttleTenantBudget, "request") + " for the tenant";
    return "throttled past " + perClient + (perClient.isEmpty() || tenant.isEmpty() ? "" : " and ") + tenant
        + " per " + throttleWindowMs + " ms.";
  }

  SandboxCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws InterruptedException {
    GraphSandbox sandbox;
    try {
      sandbox = GraphSandbox.start(port, state, null);
    } catch (IOException e) {
      throw new UserError("cannot start the sandbox on port " + port + ": " + e.getMessage());
    }
    sandbox.setLatency(Duration.ofMillis(latencyMs));
    sandbox.setThrottle(throttleBudget, throttleTenantBudget, Duration.ofMillis(throttleWindowMs));
    if (pageSize != null) {
      sandbox.setPageSize(pageSize);
    }
    faults.forEach(sandbox::injectFault);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      sandbox.close();
      stopped.countDown();
    }));
    ctx.out().println("Sandbox Graph listening at " + sandbox.baseUrl()
        + (state == null ? " (demo tenant, in memory)" : " (state in " + state + ")"));
    ctx.out().println("Latency " + latencyMs + " ms per round trip; "
        + (pageSize == null ? "Graph's paging" : "pages of at most " + Plural.count(pageSize, "item")) + "; "
        + throttling());
    faults.forEach(f -> ctx.out().println("Fault: " + f.describe()));
    // As the README runs the tool: the launcher on the PATH, from any directory (a jar path works from one only).
    ctx.out().println("Use it from another shell (it accepts any token):");
    ctx.out().println("  export RECONCILER_ACCESS_TOKEN=sandbox");
    ctx.out().println("  reconciler plan PATH --graph-url " + sandbox.baseUrl());
    ctx.out().println("Stop with Ctrl-C.");
    ctx.out().flush();
    try {
      stopped.await();
    } finally {
      sandbox.close(); // interrupted other than by Ctrl-C (a caller in the same JVM): the port is let go all the same
    }
    return ExitCode.OK;
  }
}
