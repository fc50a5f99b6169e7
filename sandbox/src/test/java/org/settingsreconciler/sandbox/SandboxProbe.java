package org.settingsreconciler.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What tests and the benchmark watch a sandbox for: every request it received, in order (refused ones too), and
 * the load it served ({@link LoadStats}), including retries sent before the Retry-After they were answered with; in
 * all, or of one client only ({@link #stats(String)}), for a run with other apps of the tenant beside it.
 * Attach it before the requests to watch: {@code SandboxProbe probe = SandboxProbe.on(sandbox);}.
 */
public final class SandboxProbe implements SandboxListener {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  /** The scheme and the token, as the sandbox accepts them (any case, any blanks between). */
  private static final Pattern BEARER = Pattern.compile("(?i)^\\s*Bearer\\s+(\\S.*?)\\s*$");

  /** The counts of {@link LoadStats}, of all clients or of one. */
  private static final class Counts {
    final AtomicLong roundTrips = new AtomicLong();
    final AtomicLong batches = new AtomicLong();
    final AtomicLong batchItems = new AtomicLong();
    final AtomicLong throttled = new AtomicLong();
    final AtomicLong earlyRetries = new AtomicLong();

    LoadStats stats() {
      return new LoadStats(roundTrips.get(), batches.get(), batchItems.get(), throttled.get(), earlyRetries.get());
    }
  }

  /** Synchronized, not copy-on-write: a load test records tens of thousands of requests. */
  private final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
  private final RetryAfterWatch retryAfters = new RetryAfterWatch();
  private volatile Counts all = new Counts();
  /** By bearer token (see {@link #token}); requests without one are counted in {@link #all} only. */
  private volatile Map<String, Counts> byClient = new ConcurrentHashMap<>();

  private SandboxProbe() {}

  public static SandboxProbe on(GraphSandbox sandbox) {
    SandboxProbe probe = new SandboxProbe();
    sandbox.listen(probe);
    return probe;
  }

  @Override
  public void received(Received r) {
    requests.add(new RecordedRequest(r.method(), r.path(), jsonOrNull(r.body()), r.inBatch()));
    boolean batch = !r.inBatch() && r.method().equals("POST") && r.path().matches("(?i)/(v1\\.0|beta)/\\$batch");
    count(all, r, batch);
    String token = token(r.client());
    if (token != null) {
      count(byClient.computeIfAbsent(token, k -> new Counts()), r, batch);
    }
  }

  private static void count(Counts c, Received r, boolean batch) {
    if (r.inBatch()) {
      c.batchItems.incrementAndGet();
      return;
    }
    c.roundTrips.incrementAndGet();
    if (batch) {
      c.batches.incrementAndGet();
    }
  }

  @Override
  public void served(Served s) {
    String key = s.client() + " " + s.method() + " " + s.path() + " " + s.body();
    boolean early = retryAfters.early(key, s.arrivedNanos());
    Duration wait = s.retryAfter() == null ? null : RetryAfterWatch.parse(s.retryAfter());
    if (wait != null) {
      retryAfters.told(key, wait);
    }
    count(all, early, s.throttled());
    String token = token(s.client());
    if (token != null) {
      count(byClient.computeIfAbsent(token, k -> new Counts()), early, s.throttled());
    }
  }

  private static void count(Counts c, boolean early, boolean throttled) {
    if (early) {
      c.earlyRetries.incrementAndGet();
    }
    if (throttled) {
      c.throttled.incrementAndGet();
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

  /** What was served since the probe was attached or the last {@link #resetStats()}, to every client. */
  public LoadStats stats() {
    return all.stats();
  }

  /**
   * What was served to one client only: the requests sent with {@code Authorization: Bearer <token>}, since the
   * sandbox, as Graph, counts a bearer token as one app (its own throttling budget). All zero for a token never seen.
   *
   * @param token the bearer token, without the {@code Bearer} scheme
   */
  public LoadStats stats(String token) {
    Counts c = byClient.get(token);
    return c == null ? new Counts().stats() : c.stats();
  }

  /** Starts every count afresh, of all clients and of each. */
  public void resetStats() {
    all = new Counts();
    byClient = new ConcurrentHashMap<>();
  }

  /** The bearer token of an Authorization header as the sandbox names a client by it, or null for none. */
  private static String token(String authorization) {
    Matcher m = authorization == null ? null : BEARER.matcher(authorization);
    return m != null && m.matches() ? m.group(1) : null;
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
