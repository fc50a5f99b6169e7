package org.settingsreconciler.cli;

import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Ends the process without the JVM's wait for threads in native code. On its way out, HotSpot (JDK 17) waits up to
 * 300 ms for every thread that is blocked inside native code to come back, and the JDK HTTP client's selector
 * thread always is (it sits in epoll for the life of the client; Java 17's client has no close()). That wait was a
 * sixth of a plan of a thousand users. Interrupting the selector thread makes it stop at once, so the process exits
 * as soon as the command is done. Only {@link Main#main} calls this: a run inside another program leaves its threads
 * alone.
 */
final class QuietExit {

  /** The name the JDK gives each client's selector thread: {@code HttpClient-<n>-SelectorManager}. */
  private static final Pattern SELECTOR = Pattern.compile("HttpClient-\\d+-SelectorManager");

  /** Long enough for a selector thread to see its interrupt; it takes well under a millisecond. */
  private static final Duration PATIENCE = Duration.ofMillis(200);

  private QuietExit() {
  }

  static void exit(int code) {
    stopHttpSelectors();
    System.exit(code);
  }

  /** Interrupts every HTTP client selector thread of the JVM and waits briefly for each to end. */
  static int stopHttpSelectors() {
    return stopHttpSelectors(liveThreads());
  }

  /** The same among the given threads; returns how many selector threads ended. */
  static int stopHttpSelectors(Thread... threads) {
    int stopped = 0;
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    for (Thread t : threads) {
      if (t != null && SELECTOR.matcher(t.getName()).matches()) {
        t.interrupt();
        try {
          t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
        if (!t.isAlive()) {
          stopped++;
        }
      }
    }
    return stopped;
  }

  static Thread[] liveThreads() {
    ThreadGroup root = Thread.currentThread().getThreadGroup();
    while (root.getParent() != null) {
      root = root.getParent();
    }
    Thread[] threads = new Thread[root.activeCount() + 16];
    int n = root.enumerate(threads, true);
    return Arrays.copyOf(threads, n);
  }
}
