package org.settingsreconciler.graph;

import java.time.Duration;

/** Waits between retries; tests replace it to record waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

  Sleeper REAL = d -> Thread.sleep(d.toMillis());

  void sleep(Duration d) throws InterruptedException;
}
