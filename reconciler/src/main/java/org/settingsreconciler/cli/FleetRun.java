package org.settingsreconciler.cli;

import org.settingsreconciler.run.ExitCode;
import org.settingsreconciler.run.UserError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * A command run over several tenants: each tenant runs the command on its own ({@link TenantRun}), up to
 * {@code --parallel-tenants} at once, and the fleet prints one section per tenant in the order given, then a
 * summary table, and exits with the worst exit code (1, then 2, then 0). A single tenant runs in the foreground,
 * printing as it goes, so apply can ask for confirmation.
 */
final class FleetRun {

  private final CliContext ctx;
  private final FleetCommand command;
  private final List<Path> dirs;
  private final int parallel;

  FleetRun(CliContext ctx, FleetCommand command, List<Path> dirs, int parallel) {
    this.ctx = ctx;
    this.command = command;
    this.dirs = dirs;
    this.parallel = parallel;
  }

  /**
   * Refuses an option naming one file, given without {@code {tenant}} in a run of several tenants: each must say
   * where its tenant's goes (for example {@code --out out/{tenant}.json}).
   */
  static void namesEachTenant(String option, Path file) {
    if (file != null && !file.toString().contains("{tenant}")) {
      throw new UserError(option + " with several tenants needs {tenant} in the file name, so each tenant "
          + "writes its own (for example " + option + " out/{tenant}.json)");
    }
  }

  int run() {
    check();
    Path scratch = scratch();
    try {
      TenantRun tenants = new TenantRun(ctx, command, scratch);
      if (dirs.size() == 1) {
        return tenants.run(dirs.get(0), ctx.out(), ctx.err(), ctx.terminal(), true).exit();
      }
      return runAll(tenants);
    } finally {
      delete(scratch);
    }
  }

  /** Refuses, before any tenant runs, what cannot work across several tenants. */
  private void check() {
    if (dirs.size() == 1) {
      return;
    }
    Set<String> names = new HashSet<>();
    for (Path d : dirs) {
      if (!names.add(TenantRun.nameOf(d))) {
        throw new UserError("two tenant directories are named " + TenantRun.nameOf(d) + "; output, {tenant} and "
            + "credentials name tenants by directory name, so give them different names");
      }
    }
    GraphOptions graph = command.graph();
    if (graph != null && graph.graphUrl != null) {
      throw new UserError("--graph-url would send every tenant to one Graph; set graphUrl or cloud in each "
          + "tenant.yaml instead");
    }
    if (graph != null) {
      namesEachTenant("--sandbox-state", graph.sandboxState);
    }
    command.checkFleet();
  }

  private int runAll(TenantRun tenants) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, dirs.size()), r -> {
      Thread t = new Thread(r, "tenant");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<TenantOutcome>> running = new ArrayList<>();
      for (Path dir : dirs) {
        running.add(pool.submit(() -> buffered(tenants, dir)));
      }
      List<TenantOutcome> outcomes = new ArrayList<>();
      FleetReport report = new FleetReport(ctx, command.format());
      for (Future<TenantOutcome> f : running) {
        TenantOutcome o = await(f);
        outcomes.add(o);
        report.section(o);
      }
      int exit = outcomes.stream().map(TenantOutcome::exit).max(Comparator.comparingInt(TenantOutcome::severity))
          .orElse(ExitCode.OK);
      report.summary(outcomes, exit);
      return exit;
    } finally {
      pool.shutdownNow();
    }
  }

  /** One tenant with its output held back, so sections never interleave. */
  private static TenantOutcome buffered(TenantRun tenants, Path dir) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      TenantOutcome outcome = tenants.run(dir, o, e, Terminal.none(), false);
      o.flush();
      e.flush();
      return outcome.withOutput(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
  }

  private static TenantOutcome await(Future<TenantOutcome> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserError("interrupted");
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
  }

  /** Where sandboxes seeded from tenant.yaml keep their state during the run; deleted afterwards. */
  private static Path scratch() {
    try {
      return Files.createTempDirectory("reconciler-fleet-");
    } catch (IOException e) {
      throw new UserError("cannot create a temporary directory: " + e.getMessage());
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a leftover temporary directory is harmless
    }
  }
}
