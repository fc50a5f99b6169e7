package org.settingsreconciler.sandbox;

import java.util.concurrent.atomic.AtomicLong;

/** The running counts behind {@link LoadStats}. Thread-safe: handlers count without taking the service lock. */
final class LoadCounters {

  final AtomicLong roundTrips = new AtomicLong();
  final AtomicLong batches = new AtomicLong();
  final AtomicLong batchItems = new AtomicLong();
  final AtomicLong throttled = new AtomicLong();
  final AtomicLong earlyRetries = new AtomicLong();

  LoadStats snapshot() {
    return new LoadStats(roundTrips.get(), batches.get(), batchItems.get(), throttled.get(), earlyRetries.get());
  }

  void reset() {
    roundTrips.set(0);
    batches.set(0);
    batchItems.set(0);
    throttled.set(0);
    earlyRetries.set(0);
  }
}
