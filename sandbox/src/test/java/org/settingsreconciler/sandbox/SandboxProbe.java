package org.settingsreconciler.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What tests and the benchmark watch a sandbox for: every request it received, in order (refused ones too), and
 * the load it served ({@link LoadStats}), including retries sent before the Retry-After they were answered with.
 * Attach it before the requests to watch: {@code SandboxProbe probe = SandboxProbe.on(sandbox);}.
 */
public final class SandboxProbe implements SandboxListener {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Synchronized, not copy-on-write: a load test records tens of thousands of requests. */
  private final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
  private final RetryAfterWatch retryAfters = new RetryAfterWatch();
  private final AtomicLong roundTrips = new AtomicLong();
  private final AtomicLong batches = new AtomicLong();
  private final AtomicLong batchItems = new AtomicLong();
  private final AtomicLong throttled = new AtomicLong();
  private final AtomicLong earlyRetries = new AtomicLong();

  private SandboxProbe() {}

  public static SandboxProbe on(GraphSandbox sandbox) {
    SandboxProbe probe = new SandboxProbe();
    sandbox.listen(probe);
    return probe;
  }

  @Override
  public void received(Received r) {
    requests.add(new RecordedRequest(r.method(), r.path(), jsonOrNull(r.body()), r.inBatch()));
    if (r.inBatch()) {
      batchItems.incrementAndGet();
      return;
    }
    roundTrips.incrementAndGet();
    if (r.method().equals("POST") && r.path().matches("(?i)/(v1\\.0|beta)/\\$batch")) {
      batches.incrementAndGet();
    }
  }

  @Override
  public void served(Served s) {
    String key = s.client() + " " + s.method() + " " + s.path() + " " + s.body();
    if (retryAfters.early(key, s.arrivedNanos())) {
      earlyRetries.incrementAndGet();
    }
    if (s.throttled()) {
      throttled.incrementAndGet();
    }
    Duration wait = s.retryAfter() == null ? null : RetryAfterWatch.parse(s.retryAfter());
    if (wait != null) {
      retryAfters.told(key, wait);
    }
  }

  /** Every request received so far, in order, including refused ones. */
  public List<RecordedRequest> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  public void clearRequests() {
    requests.clear();
  }

  /** What was served since the probe was attached or the last {@link #resetStats()}. */
  public LoadStats stats() {
    return new LoadStats(roundTrips.get(), batches.get(), batchItems.get(), throttled.get(), earlyRetries.get());
  }

  public void resetStats() {
    roundTrips.set(0);
    batches.set(0);
    batchItems.set(0);
    throttled.set(0);
    earlyRetries.set(0);
  }

  private static JsonNode jsonOrNull(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return JSON.readTree(text);
    } catch (JacksonException e) {
      return null;
    }
  }
}
