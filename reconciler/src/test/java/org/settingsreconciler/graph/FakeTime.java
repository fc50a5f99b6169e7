package org.settingsreconciler.graph;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A clock that moves only when the client waits, recording each wait: retry tests run without sleeping. */
final class FakeTime implements Sleeper {

  private final List<Duration> waits = new ArrayList<>();
  private long now = 1_000_000_000L;

  @Override
  public synchronized void sleep(Duration d) {
    waits.add(d);
    now += d.toNanos();
  }

  @Override
  public synchronized long nanoTime() {
    return now;
  }

  synchronized List<Duration> waits() {
    return List.copyOf(waits);
  }
}
