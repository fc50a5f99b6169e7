package org.settingsreconciler.graph;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * When one client's requests may leave, shared by every {@link Dispatcher} (every bulk) of that client, so that
 * concurrent round trips draw on one budget:
 *
 * <ul>
 *   <li>After a Retry-After nothing at all leaves until it has passed, since Graph throttles the whole client.
 *   <li>Each Graph workload ({@link #workload}: {@code users}, {@code admin}, {@code copilot}, ...) has a
 *       {@link LearnedRate}: Graph's limits differ by service. Every request counts, batch item or not, as Graph
 *       counts them.
 * </ul>
 *
 * Thread-safe; a dispatcher may hold its lock to look at several workloads and reserve a batch as one step.
 */
final class Pacer {

  /**
   * How one request left: its workload, when, whether the rate held it back until then, and whether it went alone
   * after an early warning ({@link LearnedRate#warned}).
   */
  record Departure(String workload, long at, boolean paced, boolean probe) {}

  /** The header of Graph's early warning, in lower case as {@link Answer} keeps header names. */
  static final String EARLY_WARNING = "x-ms-throttle-limit-percentage";

  /** The share of the limit from which Graph warns (concepts/throttling-limits.md). */
  static final double WARN_FROM = 0.8;

  /** While one request at a time goes after an early warning, how often a dispatcher looks whether it may send. */
  private static final long PROBE_POLL_NANOS = 20_000_000L;

  private final RatePolicy policy;
  private final Map<String, LearnedRate> rates = new HashMap<>();
  /** The ceiling, for all workloads together: it only spaces requests out, it learns nothing. Null for none. */
  private final LearnedRate ceiling;
  /** No request goes out before this (nanoTime): the end of the latest Retry-After. */
  private long pausedUntil;
  private volatile Consumer<String> debug;

  Pacer(RatePolicy policy, long now) {
    this.policy = policy;
    this.pausedUntil = now;
    this.ceiling = Double.isInfinite(policy.ceiling()) ? null : new LearnedRate(policy, policy.ceiling(), now);
  }

  /**
   * The most requests a second Graph lets one app send, to all tenants together: 130,000 per 10 seconds (2,000 a
   * second in an older version of concepts/throttling-limits.md). A remembered rate above it was learned from no
   * throttle worth the name (or written by hand): started at, each throttle would cut it by a tenth, and thousands of
   * them could come before a request was spaced out. Such a workload learns afresh, as if nothing were remembered.
   */
  static final double GRAPH_MAX_PER_SECOND = 13_000;

  /**
   * Rates an earlier run learned, per workload, to start at instead of full speed; a workload this client has already
   * sent to keeps what it has, and one remembered above {@link #GRAPH_MAX_PER_SECOND} is no rate.
   */
  synchronized void startAt(Map<String, Double> remembered, long now) {
    remembered.forEach((w, perSecond) -> {
      if (perSecond != null && perSecond > 0 && perSecond <= GRAPH_MAX_PER_SECOND && !rates.containsKey(w)) {
        rates.put(w, LearnedRate.remembered(policy, perSecond, now));
      }
    });
  }

  /**
   * The rate a later run may start each workload at ({@link LearnedRate#toRemember}, at most
   * {@link #GRAPH_MAX_PER_SECOND}, which a later run would refuse), for those Graph has taught one or that started at a
   * remembered one, and that this run sent to: a remembered rate it never used is no news, and written again it would
   * look learned today and never grow old.
   */
  synchronized Map<String, Double> learned() {
    Map<String, Double> out = new TreeMap<>();
    rates.forEach((w, r) -> {
      if (!Double.isInfinite(r.perSecond()) && r.used()) {
        out.put(w, Math.min(GRAPH_MAX_PER_SECOND, r.toRemember()));
      }
    });
    return out;
  }

  void debugTo(Consumer<String> sink) {
    this.debug = sink;
  }

  /**
   * The workload a request belongs to: the first segment of its path after the version, in lower case, without a key
   * in parentheses ({@code admin}, {@code copilot}, {@code groups}, {@code users}). A user named in parentheses
   * ({@code users('$x@y')}, as ResourceId.userPath addresses a user whose name begins with {@code $}) is a user as any
   * other, not a workload of that user's own.
   *
   * <p>A user's profile and settings stay in {@code users} with the directory, though Graph limits per service: Graph
   * also evaluates limits that span services (per app, per tenant for all apps: concepts/throttling-limits.md), and
   * workloads that share one budget each learn a rate of their own whose sum overshoots it. Measured with the
   * profile and settings apart (ThrottleBenchmark, 2026-12-05): an export, which reads all three, had 12% of its
   * requests answered 429 at 1,000 users and 2.0% at 10,000, against 0.0% and 0.1% together.
   */
  static String workload(Wire wire) {
    String path = wire.relative() != null ? wire.relative() : versionless(wire.uri().getRawPath());
    int query = path.indexOf('?');
    path = query < 0 ? path : path.substring(0, query);
    int start = path.startsWith("/") ? 1 : 0;
    int end = path.indexOf('/', start);
    String segment = path.substring(start, end < 0 ? path.length() : end);
    int key = segment.indexOf('(');
    return (key < 0 ? segment : segment.substring(0, key)).toLowerCase(Locale.ROOT);
  }

  /** A path outside every version root (a next link elsewhere): its first segment stands for the version. */
  private static String versionless(String rawPath) {
    String path = rawPath == null ? "" : rawPath;
    int second = path.indexOf('/', 1);
    return second < 0 ? "" : path.substring(second);
  }

  synchronized boolean paused(long now) {
    return pausedUntil - now > 0;
  }

  synchronized long pausedUntil() {
    return pausedUntil;
  }

  synchronized void pauseUntil(long until) {
    if (until - pausedUntil > 0) {
      pausedUntil = until;
    }
  }

  /** Whether a request of this workload may leave now, as far as its rate and the ceiling go. */
  synchronized boolean open(String workload, long now) {
    LearnedRate r = rates.get(workload);
    return (r == null || r.open(now)) && (ceiling == null || ceiling.open(now));
  }

  /** How many requests of this workload may leave now in one round trip: none, one (after a warning), or any. */
  synchronized int room(String workload, long now) {
    if (!open(workload, now)) {
      return 0;
    }
    LearnedRate r = rates.get(workload);
    return r != null && r.probing() ? 1 : Integer.MAX_VALUE;
  }

  /**
   * The share of its limit Graph says the app has used, from {@code x-ms-throttle-limit-percentage}: sent by the
   * identity and access service only when more than 0.8 of it is used (concepts/throttling-limits.md, "Regular
   * responses requests"), as 0.8 to 1.8. Empty without the header, or with a value that is no such share.
   */
  static OptionalDouble usedShare(Answer a) {
    String v = a.headers().get(EARLY_WARNING);
    if (v == null) {
      return OptionalDouble.empty();
    }
    try {
      double used = Double.parseDouble(v.strip());
      return used >= WARN_FROM && used < 100 ? OptionalDouble.of(used) : OptionalDouble.empty();
    } catch (NumberFormatException e) {
      return OptionalDouble.empty();
    }
  }

  /** When (nanoTime) a request of this workload may next leave, as far as its rate and the ceiling go. */
  synchronized long nextFree(String workload, long now) {
    LearnedRate r = rates.get(workload);
    if (r != null && r.probing() && !r.open(now) && now - r.nextFree() >= 0) {
      // Waiting on an answer, perhaps to another bulk's round trip: look again shortly.
      return now + PROBE_POLL_NANOS;
    }
    long at = r == null ? now : r.nextFree();
    return ceiling == null || at - ceiling.nextFree() >= 0 ? at : ceiling.nextFree();
  }

  /** Requests leave now, as one round trip: each workload's rate is spent by its requests. */
  synchronized List<Departure> sent(List<String> workloads, long now) {
    if (ceiling != null) {
      ceiling.sent(workloads.size(), now);
    }
    Map<String, Integer> counts = new HashMap<>();
    workloads.forEach(w -> counts.merge(w, 1, Integer::sum));
    Map<String, Boolean> paced = new HashMap<>();
    Map<String, Boolean> probes = new HashMap<>();
    counts.forEach((w, n) -> {
      LearnedRate r = rate(w, now);
      probes.put(w, r.probing());
      boolean unknown = Double.isInfinite(r.perSecond());
      paced.put(w, r.sent(n, now));
      if (unknown && !Double.isInfinite(r.perSecond())) {
        say(w, "first rate learned from throttling", r);
      }
    });
    List<Departure> out = new ArrayList<>(workloads.size());
    workloads.forEach(w -> out.add(new Departure(w, now, paced.get(w), probes.get(w))));
    return out;
  }

  /**
   * What Graph answered to the requests of one round trip, in order: throttles cut their workload's rate, other
   * answers count as let through, and successes may raise it, unless they came with an early warning
   * ({@code warnings}, see {@link #usedShare}), which cuts it (see {@link LearnedRate#warned}). The answers let through
   * are counted first, since the rate a first throttle teaches is made of them.
   */
  synchronized void heard(
      List<Departure> departures, List<Verdict> verdicts, List<Boolean> warnings, Instant wall, long now) {
    departures.forEach(d -> rate(d.workload(), now).answered());
    for (int i = 0; i < departures.size(); i++) {
      Verdict v = verdicts.get(i);
      Departure d = departures.get(i);
      if (!throttle(v) && (v.ok() || v.error().status() > 0)) {
        LearnedRate r = rate(d.workload(), now);
        if (r.admitted(d.at(), d.paced(), d.probe(), v.ok(), warnings.get(i), now)) {
          say(d.workload(), "first rate learned from early warnings, answered without one again", r);
        }
      }
    }
    for (int i = 0; i < departures.size(); i++) {
      Departure d = departures.get(i);
      if (warnings.get(i) && !throttle(verdicts.get(i))) {
        LearnedRate r = rate(d.workload(), now);
        boolean unknown = Double.isInfinite(r.perSecond());
        if (r.warned(d.at(), now)) {
          say(d.workload(), unknown ? "early warning (" + EARLY_WARNING + "), one request at a time until it ends"
              : "early warning (" + EARLY_WARNING + "), rate cut", r);
        }
      }
    }
    for (int i = 0; i < departures.size(); i++) {
      Verdict v = verdicts.get(i);
      Departure d = departures.get(i);
      if (throttle(v)) {
        Duration retryAfter = RetryPolicy.retryAfter(v.retryAfter(), wall).orElse(null);
        LearnedRate r = rate(d.workload(), now);
        if (r.throttled(d.at(), v.error().status() == 429, retryAfter, now)
            && !Double.isInfinite(r.perSecond())) {
          say(d.workload(), "throttled (HTTP " + v.error().status() + "), rate cut", r);
        }
      }
    }
  }

  private void say(String workload, String what, LearnedRate r) {
    Consumer<String> log = debug;
    if (log != null) {
      log.accept(String.format(Locale.ROOT, "pace: %s: %s: %.1f requests a second", workload, what, r.perSecond()));
    }
  }

  /** A 429, or a 503 or 504 that asks for a wait: Graph saying the client goes too fast. */
  private static boolean throttle(Verdict v) {
    if (v.ok()) {
      return false;
    }
    int status = v.error().status();
    return status == 429 || (RetryPolicy.retryableStatus(status) && v.retryAfter().isPresent());
  }

  private LearnedRate rate(String workload, long now) {
    return rates.computeIfAbsent(workload, w -> new LearnedRate(policy, Double.POSITIVE_INFINITY, now));
  }
}
