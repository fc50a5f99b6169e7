package org.settingsreconciler.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.settingsreconciler.sandbox.GraphSandbox;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    mixinStandardHelpOptions = true,
    name = "sandbox",
    description = "Run the built-in Graph sandbox on loopback until interrupted, so separate runs share a tenant.")
final class SandboxCommand implements Callable<Integer> {

  private final CliContext ctx;

  @Option(names = "--port", paramLabel = "N", description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}).",
      defaultValue = "8080")
  int port;

  @Option(names = "--state", paramLabel = "FILE",
      description = "Keep the tenant in FILE (read at start if it exists, written after every change).")
  Path state;

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
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      sandbox.close();
      stopped.countDown();
    }));
    ctx.out().println("Sandbox Graph listening at " + sandbox.baseUrl()
        + (state == null ? " (demo tenant, in memory)" : " (state in " + state + ")"));
    ctx.out().println("Use it from another shell, with any token:");
    ctx.out().println("  RECONCILER_ACCESS_TOKEN=sandbox java -jar reconciler/target/reconciler.jar plan examples/ "
        + "--graph-url " + sandbox.baseUrl());
    ctx.out().println("Stop with Ctrl-C.");
    ctx.out().flush();
    stopped.await();
    return ExitCode.OK;
  }
}
