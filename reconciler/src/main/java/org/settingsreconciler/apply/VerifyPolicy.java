package org.settingsreconciler.apply;

import java.time.Duration;
import org.settingsreconciler.graph.Sleeper;

/**
 * How apply reads back what it wrote: Graph may take a moment to show a write it accepted, so a setting that does
 * not show it yet is read again, after a wait that doubles, up to {@code reads} times in all.
 *
 * @param reads how many times a setting is read at most (the first read comes right after the writes)
 * @param firstWait the wait before the second read; each later wait is twice the one before
 */
public record VerifyPolicy(int reads, Duration firstWait, Sleeper sleeper) {

  /** Three reads: right away, after 1 s, and after 2 s more. */
  public static final VerifyPolicy DEFAULT = within(Duration.ofSeconds(3));

  public VerifyPolicy {
    if (reads < 1) {
      throw new IllegalArgumentException("reads must be at least 1");
    }
  }

  /** Three reads spread over {@code total} (a third, then two thirds of it); one read when it is zero. */
  public static VerifyPolicy within(Duration total) {
    return total.isZero() ? new VerifyPolicy(1, Duration.ZERO, Sleeper.REAL)
        : new VerifyPolicy(3, total.dividedBy(3), Sleeper.REAL);
  }

  /** The wait after read number {@code read} (1-based) before the next one. */
  public Duration waitAfter(int read) {
    return firstWait.multipliedBy(1L << Math.min(read - 1, 20));
  }

  /** All the waiting {@code reads} reads take: what "still not visible" means. */
  public Duration totalWait() {
    Duration total = Duration.ZERO;
    for (int read = 1; read < reads; read++) {
      total = total.plus(waitAfter(read));
    }
    return total;
  }

  /** "3 reads over 3 s", for the text that says a write does not show yet. */
  public String describe() {
    if (reads == 1) {
      return "1 read";
    }
    long millis = totalWait().toMillis();
    String over = millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    return reads + " reads over " + over;
  }
}
