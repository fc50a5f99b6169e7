package org.settingsreconciler.graph;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs jobs with as few round trips as Graph allows: requests waiting to go are packed into batches of up to the
 * batch size, and up to the concurrency of round trips are in flight at once. Each request's answer is judged on
 * its own, batch item or not: a throttled item waits its Retry-After and goes again, alone in the sense that only it
 * is resent. When requests may leave is the client's {@link Pacer}'s call, shared with its other bulks: after any
 * Retry-After nothing at all is sent until it has passed, since Graph throttles the whole client, not one request, and
 * once Graph has throttled a workload its requests leave no faster than the rate learned for it.
 *
 * <p>All bookkeeping and every job callback run on the thread that called {@link #run()}; pool threads only carry
 * round trips. Callbacks may start further jobs.
 */
final class Dispatcher {

  /** A request waiting to go (again), with its retry history. */
  private static final class Pending {
    final Job job;
    final Wire wire;
    final String workload;
    /** How it last left, for the pacer to learn from its answer. */
    Pacer.Departure departure;
    int attempt = 1;
    Duration waited = Duration.ZERO;
    long notBefore;
    long sequence;

    Pending(Job job, Wire wire) {
      this.job = job;
      this.wire = wire;
      this.workload = Pacer.workload(wire);
    }
  }

  /** @param answeredAt when (nanoTime) the answers came, before they waited to be settled */
  private record RoundTrip(List<Pending> sent, List<Answer> answers, long answeredAt) {}

  private final HttpTransport transport;
  private final RetryPolicy retry;
  private final Sleeper sleeper;
  private final Throughput throughput;
  private final Pacer pacer;
  private final Deque<Pending> ready = new ArrayDeque<>();
  private final PriorityQueue<Pending> delayed =
      new PriorityQueue<>(Comparator.<Pending>comparingLong(p -> p.notBefore).thenComparingLong(p -> p.sequence));
  private long delays;
  private final List<List<Pending>> flying = new ArrayList<>();
  private int generativeInFlight;
  /** Whether the last dispatch left requests waiting on their workload's rate, and until when (nanoTime). */
  private boolean held;
  private long heldUntil;

  Dispatcher(HttpTransport transport, RetryPolicy retry, Sleeper sleeper, Throughput throughput, Pacer pacer) {
    this.transport = transport;
    this.retry = retry;
    this.sleeper = sleeper;
    this.throughput = throughput;
    this.pacer = pacer;
  }

  /** Queues a job; allowed before {@link #run()} and from callbacks during it. */
  void start(Job job) {
    ready.addLast(new Pending(job, job.first()));
  }

  /** Sends until every job is done or failed. */
  void run() {
    if (ready.isEmpty()) {
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(throughput.concurrency(), daemonThreads());
    try {
      loop(new ExecutorCompletionService<>(pool));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      abandon(new GraphError(0, "interrupted", null, "interrupted", null, null));
    } finally {
      pool.shutdownNow();
    }
  }

  private void loop(CompletionService<RoundTrip> completions) throws InterruptedException {
    while (true) {
      long now = sleeper.nanoTime();
      promoteDue(now);
      held = false;
      if (!pacer.paused(now)) {
        dispatch(completions, now);
      }
      if (flying.isEmpty() && ready.isEmpty() && delayed.isEmpty()) {
        return;
      }
      long wait = nanosToWake(now);
      if (flying.isEmpty()) {
        // Only waiting is left to do: a Retry-After, a backoff or the pace.
        if (wait < 0) {
          throw new IllegalStateException("requests wait, but nothing will wake them");
        }
        if (wait > 0) {
          sleeper.sleep(Duration.ofMillis(TimeUnit.NANOSECONDS.toMillis(wait + 999_999)));
        }
        continue;
      }
      Future<RoundTrip> f = wait < 0 ? completions.take() : completions.poll(wait, TimeUnit.NANOSECONDS);
      // Every answer that has come is heard before anything more is sent: one of them may be a throttle.
      while (f != null) {
        settle(result(f));
        f = completions.poll();
      }
    }
  }

  private void dispatch(CompletionService<RoundTrip> completions, long now) {
    while (flying.size() < throughput.concurrency() && !ready.isEmpty()) {
      if (generativeInFlight > 0 && ready.size() < throughput.batchSize()) {
        return; // a listing in flight will bring more requests to fill this batch
      }
      List<Pending> group;
      // Taking a round trip's requests and spending their rates is one step: other bulks of the client draw on the
      // same rates.
      synchronized (pacer) {
        group = takeGroup(now);
        if (group == null) {
          return; // every waiting request waits on its workload's rate; held and heldUntil say until when
        }
        List<String> workloads = new ArrayList<>(group.size());
        group.forEach(p -> workloads.add(p.workload));
        List<Pacer.Departure> departures = pacer.sent(workloads, now);
        for (int i = 0; i < group.size(); i++) {
          group.get(i).departure = departures.get(i);
        }
      }
      String token;
      try {
        token = transport.token();
      } catch (GraphException e) {
        group.forEach(p -> p.job.failed(e.error()));
        continue;
      }
      List<Wire> wires = new ArrayList<>(group.size());
      for (Pending p : group) {
        wires.add(p.wire);
        generativeInFlight += p.job.generative() ? 1 : 0;
      }
      flying.add(group);
      completions.submit(() -> {
        List<Answer> answers = transport.exchange(wires, token);
        return new RoundTrip(group, answers, sleeper.nanoTime());
      });
    }
  }

  /**
   * The first waiting request whose workload's rate lets it leave now, and up to a batch of the waiting requests of
   * its Graph version whose rates let them leave: a batch goes to one version's {@code /$batch}, and its URLs are
   * relative to that version. A request that cannot be batched goes alone. Null when every waiting request waits on
   * its rate; {@link #heldUntil} then says when the first may leave.
   */
  private List<Pending> takeGroup(long now) {
    // How many more of each workload this round trip may carry: after an early warning, one.
    Map<String, Integer> room = new HashMap<>();
    Pending first = null;
    for (Iterator<Pending> it = ready.iterator(); it.hasNext(); ) {
      Pending p = it.next();
      if (take(room, p.workload, now)) {
        first = p;
        it.remove();
        break;
      }
    }
    if (first == null) {
      held = true;
      heldUntil = room.keySet().stream().mapToLong(w -> pacer.nextFree(w, now) - now).min().orElse(0) + now;
      return null;
    }
    List<Pending> group = new ArrayList<>();
    group.add(first);
    if (!first.wire.batchable()) {
      return group;
    }
    for (Iterator<Pending> it = ready.iterator(); it.hasNext() && group.size() < throughput.batchSize(); ) {
      Pending p = it.next();
      if (p.wire.version() == first.wire.version() && take(room, p.workload, now)) {
        group.add(p);
        it.remove();
      }
    }
    return group;
  }

  /** Takes a place for one request of {@code workload} in the round trip being made, if one is left. */
  private boolean take(Map<String, Integer> room, String workload, long now) {
    int left = room.computeIfAbsent(workload, w -> pacer.room(w, now));
    if (left <= 0) {
      return false;
    }
    room.put(workload, left == Integer.MAX_VALUE ? left : left - 1);
    return true;
  }

  private void settle(RoundTrip trip) {
    flying.remove(trip.sent());
    // The wall clock first: a Retry-After date counted from it then ends, on the monotonic clock, no earlier than the
    // date itself.
    Instant wall = sleeper.now();
    long now = sleeper.nanoTime();
    List<Verdict> verdicts = new ArrayList<>(trip.sent().size());
    List<Pacer.Departure> departures = new ArrayList<>(trip.sent().size());
    List<Boolean> warnings = new ArrayList<>(trip.sent().size());
    for (int i = 0; i < trip.sent().size(); i++) {
      Pending p = trip.sent().get(i);
      Answer a = trip.answers().get(i);
      verdicts.add(Responses.judge(p.wire, a));
      departures.add(p.departure);
      warnings.add(Pacer.usedShare(a).isPresent());
    }
    pacer.heard(departures, verdicts, warnings, wall, trip.answeredAt());
    for (int i = 0; i < trip.sent().size(); i++) {
      Pending p = trip.sent().get(i);
      generativeInFlight -= p.job.generative() ? 1 : 0;
      settle(p, verdicts.get(i), now, wall);
    }
  }

  private void settle(Pending p, Verdict v, long now, Instant wall) {
    if (v.ok()) {
      Wire next;
      try {
        next = p.job.succeeded(v.response());
      } catch (GraphException e) {
        p.job.failed(e.error());
        return;
      }
      if (next != null) {
        // A list's next page goes first: the list finishes sooner, and what its items start can follow.
        ready.addFirst(new Pending(p.job, next));
      }
      return;
    }
    if (!v.repeatable()) {
      p.job.failed(v.error());
      return;
    }
    if (p.attempt >= retry.maxAttempts()) {
      p.job.failed(retry.maxAttempts() == 1 ? v.error() : v.error().withMessage(
          orEmpty(v.error().message()) + " (gave up after " + p.attempt + " attempts)"));
      return;
    }
    Duration d = retry.delay(p.attempt, v.retryAfter(), wall);
    Duration total = p.waited.plus(d);
    if (total.compareTo(retry.maxTotalWait()) > 0) {
      p.job.failed(v.error().withMessage(orEmpty(v.error().message()) + " (not retried: waiting "
          + seconds(d) + " more would pass the limit of " + seconds(retry.maxTotalWait()) + " of waiting)"));
      return;
    }
    p.attempt++;
    p.waited = total;
    p.notBefore = now + d.toNanos();
    p.sequence = delays++;
    if (v.retryAfter().isPresent()) {
      pacer.pauseUntil(p.notBefore);
    }
    delayed.add(p);
  }

  /** Retries whose wait is over go to the front, in the order they were delayed: they have waited longest. */
  private void promoteDue(long now) {
    List<Pending> due = new ArrayList<>();
    while (!delayed.isEmpty() && now - delayed.peek().notBefore >= 0) {
      due.add(delayed.poll());
    }
    for (int i = due.size() - 1; i >= 0; i--) {
      ready.addFirst(due.get(i));
    }
  }

  /**
   * Nanoseconds until a delayed request is due, a pause ends or a rate lets a waiting request leave; -1 when nothing
   * is timed.
   */
  private long nanosToWake(long now) {
    long wait = Long.MAX_VALUE;
    if (!delayed.isEmpty()) {
      wait = delayed.peek().notBefore - now;
    }
    long pausedUntil = pacer.pausedUntil();
    if (!ready.isEmpty() && pausedUntil - now > 0) {
      wait = Math.min(wait, pausedUntil - now);
    } else if (held) {
      wait = Math.min(wait, heldUntil - now);
    }
    return wait == Long.MAX_VALUE ? -1 : Math.max(0, wait);
  }

  private static RoundTrip result(Future<RoundTrip> f) throws InterruptedException {
    try {
      return f.get();
    } catch (ExecutionException e) {
      // The transport answers every failure itself; anything else is a bug and must not pass silently.
      throw new IllegalStateException(e.getCause());
    }
  }

  private void abandon(GraphError error) {
    List<Pending> all = new ArrayList<>(ready);
    all.addAll(delayed);
    flying.forEach(all::addAll);
    ready.clear();
    delayed.clear();
    flying.clear();
    all.forEach(p -> p.job.failed(error));
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s.strip();
  }

  private static String seconds(Duration d) {
    return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "graph-send-" + n.incrementAndGet());
      t.setDaemon(true); // a stuck round trip must not keep the CLI's JVM alive
      return t;
    };
  }
}
