package org.settingsreconciler.state;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The clock thread of a long run's progress lines (a read's, apply's): calls a tick every so often until stopped.
 * A daemon thread, so it never keeps the JVM alive; stopping waits for a tick under way to finish its line, so
 * nothing is said once {@link #stop} returns.
 */
public final class ProgressClock {

  private final String threadName;
  private ScheduledExecutorService clock;

  /** @param threadName names the thread, for thread dumps of a run that hangs */
  public ProgressClock(String threadName) {
    this.threadName = threadName;
  }

  /** Calls {@code tick} every {@code every}, the first time after as long; nothing when {@code every} is null. */
  public synchronized void start(Runnable tick, Duration every) {
    if (every == null || clock != null) {
      return;
    }
    clock = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, threadName);
      t.setDaemon(true);
      return t;
    });
    clock.scheduleAtFixedRate(tick, every.toNanos(), every.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** No tick more; one under way finishes first. */
  public synchronized void stop() {
    if (clock == null) {
      return;
    }
    clock.shutdownNow();
    try {
      // A tick only formats and prints. The wait was once capped at one second, which a loaded machine can pass,
      // and a line then came after the run had ended: the cap is for a sink that hangs, not for a slow one.
      clock.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    clock = null;
  }
}
