package org.settingsreconciler.run.fleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.settingsreconciler.run.DesiredSource;
import org.settingsreconciler.run.GraphSession;
import org.settingsreconciler.run.GraphTarget;
import org.settingsreconciler.run.RunOutcome;
import org.settingsreconciler.run.RunView;
import org.settingsreconciler.run.UserError;

/**
 * A command run over tenant directories: each tenant runs on its own, with the request its tenant.yaml makes
 * ({@link TenantRun}), up to {@code parallel} at once. The fleet's outcome holds every tenant's in the order given and
 * exits with the worst code (1, then 2, then 0). A single tenant runs in the foreground, so apply can ask for
 * confirmation. What a tenant runs, and how it is shown, is the command's ({@link Tenants}).
 */
public final class FleetUseCase {

  /**
   * What a fleet is given.
   *
   * @param dirs the tenant directories, in the order their outcomes come
   * @param parallel how many tenants run at once
   * @param env the command line's environment, which each tenant's own is made from
   * @param desired the command line's desired-state options (its variables), which each tenant's are made from
   * @param graph the command line's Graph, which each tenant's is made from; null for a command that does not talk to
   *     Graph
   * @param purpose what the command does with the tenants: only a command that changes them writes their sandbox
   *     state files
   */
  public record Request(List<Path> dirs, int parallel, Map<String, String> env, DesiredSource desired,
      GraphTarget graph, GraphSession.Purpose purpose) {

    public Request {
      dirs = List.copyOf(dirs);
    }
  }

  /**
   * What the command does for the fleet: what it refuses across several tenants, where each tenant's run shows what
   * it shows, the run itself, and what it shows of a tenant once it is done.
   *
   * @param <O> the command's outcome
   * @param <V> where one tenant's run shows what it shows, and is told why it cannot run
   */
  public interface Tenants<O extends RunOutcome, V extends RunView> {

    /**
     * Refuses, before any tenant runs, what the command's own options cannot do across several tenants (an option
     * naming one file without {@code {tenant}}, one that needs a terminal to answer): throws {@link UserError}.
     */
    void checkSeveral();

    /**
     * Where one tenant's run shows what it shows.
     *
     * @param alone whether it is the run's only tenant, which runs in the foreground; a tenant beside others runs at
     *     the same time as they do, with nobody to answer a question
     */
    V open(boolean alone);

    /** Runs the command for one tenant; null when it stopped with an error, told to {@code view}. */
    O run(TenantRequest tenant, V view);

    /** A tenant is done: called for each, in the order given, once it and every tenant before it are done. */
    void done(TenantOutcome<O> outcome, V view);
  }

  private FleetUseCase() {}

  /**
   * Refuses an option naming one file, given without {@code {tenant}} in a run of several tenants: each must say
   * where its tenant's goes (for example {@code --out out/{tenant}.json}).
   */
  public static void namesEachTenant(String option, Path file) {
    if (file != null && !file.toString().contains("{tenant}")) {
      throw new UserError(option + " with several tenants needs {tenant} in the file name, so each tenant "
          + "writes its own (for example " + option + " out/{tenant}.json)");
    }
  }

  public static <O extends RunOutcome, V extends RunView> FleetOutcome<O> run(Request request, Tenants<O, V> tenants) {
    List<Path> dirs = request.dirs();
    if (dirs.size() > 1) {
      refuseForSeveral(request);
      tenants.checkSeveral();
    }
    Path scratch = scratch();
    try {
      TenantRun tenant = new TenantRun(request, scratch);
      if (dirs.size() == 1) {
        V view = tenants.open(true);
        TenantOutcome<O> outcome = tenant.run(dirs.get(0), tenants, view, true);
        tenants.done(outcome, view);
        return FleetOutcome.of(List.of(outcome));
      }
      return FleetOutcome.of(runAll(request, tenant, tenants));
    } finally {
      delete(scratch);
    }
  }

  /** Refuses, before any tenant runs, what cannot work across several tenants whatever the command. */
  private static void refuseForSeveral(Request request) {
    Set<String> names = new HashSet<>();
    for (Path d : request.dirs()) {
      if (!names.add(TenantRun.nameOf(d))) {
        throw new UserError("two tenant directories are named " + TenantRun.nameOf(d) + "; output, {tenant} and "
            + "credentials name tenants by directory name, so give them different names");
      }
    }
    GraphTarget graph = request.graph();
    if (graph != null && graph.graphUrl() != null) {
      throw new UserError("--graph-url would send every tenant to one Graph; set graphUrl or cloud in each "
          + "tenant.yaml instead");
    }
    if (graph != null) {
      namesEachTenant("--sandbox-state", graph.sandboxState());
    }
  }

  /** One tenant's outcome, and where its run showed what it showed. */
  private record Ran<O extends RunOutcome, V>(TenantOutcome<O> outcome, V view) {}

  private static <O extends RunOutcome, V extends RunView> List<TenantOutcome<O>> runAll(Request request,
      TenantRun tenant, Tenants<O, V> tenants) {
    List<Path> dirs = request.dirs();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(request.parallel(), dirs.size()), r -> {
      Thread t = new Thread(r, "tenant");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Ran<O, V>>> running = new ArrayList<>();
      for (Path dir : dirs) {
        running.add(pool.submit(() -> {
          V view = tenants.open(false);
          return new Ran<>(tenant.run(dir, tenants, view, false), view);
        }));
      }
      List<TenantOutcome<O>> outcomes = new ArrayList<>();
      for (Future<Ran<O, V>> f : running) {
        Ran<O, V> ran = await(f);
        outcomes.add(ran.outcome());
        tenants.done(ran.outcome(), ran.view());
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T> T await(Future<T> f) {
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
