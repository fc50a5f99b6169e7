package org.settingsreconciler.graph;

import java.time.Duration;
import java.time.Instant;

/**
 * The passing of time for retries: waiting, and reading a monotonic clock. Tests replace it to record waits and
 * move a fake clock instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper {

  Sleeper REAL = d -> Thread.sleep(d.toMillis());

  void sleep(Duration d) throws InterruptedException;

  /** Now, in nanoseconds, as {@link System#nanoTime()} counts them. */
  default long nanoTime() {
    return System.nanoTime();
  }

  /** Now on the local wall clock: what a Retry-After given as an HTTP date is counted from. */
  default Instant now() {
    return Instant.now();
  }
}
