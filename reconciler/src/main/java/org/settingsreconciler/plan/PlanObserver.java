package org.settingsreconciler.plan;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Lets a fleet run see the plan each tenant's command made, for its summary table, without the commands knowing
 * about fleets: {@link Planner} reports every plan to the observer of the thread it runs on. A tenant's command runs
 * entirely on one thread, so a thread-local keeps tenants planned concurrently apart.
 */
public final class PlanObserver {

  private static final ThreadLocal<Consumer<Plan>> CURRENT = new ThreadLocal<>();

  private PlanObserver() {}

  /** Runs {@code body} with {@code observer} receiving every plan made on this thread meanwhile. */
  public static <T> T during(Consumer<Plan> observer, Callable<T> body) throws Exception {
    Consumer<Plan> before = CURRENT.get();
    CURRENT.set(observer);
    try {
      return body.call();
    } finally {
      CURRENT.set(before);
    }
  }

  static void report(Plan plan) {
    Consumer<Plan> observer = CURRENT.get();
    if (observer != null) {
      observer.accept(plan);
    }
  }
}
