package org.settingsreconciler.graph;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a client has on the wire right now and how often Graph has throttled it, for a long run to say where it is:
 * requests in flight (each item of a batch counts) and answers that were throttles (429, or 503 with Retry-After),
 * each of which makes the client wait. Counted by the transport, as answers come, from any thread.
 */
public final class Traffic {

  private final AtomicLong inFlight = new AtomicLong();
  private final LongAdder throttled = new LongAdder();

  void sending(int requests) {
    inFlight.addAndGet(requests);
  }

  void answered(int requests, List<Answer> answers) {
    inFlight.addAndGet(-requests);
    for (Answer a : answers) {
      if (a.status() == 429 || (a.status() == 503 && a.headers().containsKey("retry-after"))) {
        throttled.increment();
      }
    }
  }

  /** Requests sent whose answer has not come yet. */
  public long inFlight() {
    return inFlight.get();
  }

  /** Answers so far that told the client to wait (each one a throttled wait). */
  public long throttled() {
    return throttled.sum();
  }
}
