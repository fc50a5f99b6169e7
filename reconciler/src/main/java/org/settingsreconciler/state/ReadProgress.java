package org.settingsreconciler.state;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.settingsreconciler.graph.Traffic;

/**
 * Tells whoever watches a long read of the tenant (plan, check, export) that it is still going, as apply's progress
 * does: every so often (10 s by default) how many users have been read of how many (for an export of every user, of
 * how many listed so far until the list has ended), how many requests are in flight, and how many times Graph
 * throttled the run. A clock thread says it, so a run waiting out a Retry-After is heard from too; a read that ends
 * before the first tick says nothing. The lines go to standard error, never standard output, so the plan or YAML is
 * the same whether or not they were said.
 */
public final class ReadProgress {

  private final Consumer<String> sink;
  private final LongSupplier nanoTime;
  private final Duration every;
  private final ProgressClock clock = new ProgressClock("read-progress");
  private volatile Traffic traffic;
  private volatile long start;
  private volatile int usersRead;
  /** How many users there are to read; -1 while an export is still listing them. */
  private volatile int usersTotal = -1;
  private volatile int usersListed;

  /**
   * @param nanoTime the clock the lines' elapsed time is read from ({@code System::nanoTime}; tests give their own)
   * @param every how often a line is said, the first one after as long; null for never by itself (tests call
   *     {@link #tick})
   */
  public ReadProgress(Consumer<String> sink, LongSupplier nanoTime, Duration every) {
    this.sink = sink;
    this.nanoTime = nanoTime;
    this.every = every;
  }

  /** Progress that is never told: for output nobody sees as it is written (a tenant of a fleet). */
  public static ReadProgress silent() {
    return new ReadProgress(line -> { }, System::nanoTime, null);
  }

  /** The reads begin, sent by a client with this {@code traffic}; the clock starts. */
  public synchronized void start(Traffic traffic) {
    this.traffic = traffic;
    start = nanoTime.getAsLong();
    clock.start(this::tick, every);
  }

  /** There are {@code total} users to read (a plan's: those the desired state names). */
  public void usersTotal(int total) {
    usersTotal = total;
  }

  /** So many users have been listed by now; {@code complete} once the list has ended. */
  public void usersListed(int soFar, boolean complete) {
    usersListed = soFar;
    if (complete) {
      usersTotal = soFar;
    }
  }

  /** So many users have had every read of theirs end. */
  public void usersRead(int soFar) {
    usersRead = soFar;
  }

  /** The reads have ended: nothing more is said, and nothing is being said once this returns. */
  public void done() {
    clock.stop();
  }

  /** Says where the reads are; the clock thread calls it every so often. */
  public void tick() {
    long seconds = (nanoTime.getAsLong() - start) / 1_000_000_000L;
    int total = usersTotal;
    String users = total >= 0
        ? String.format(Locale.ROOT, "%,d of %,d users read", usersRead, total)
        : String.format(Locale.ROOT, "%,d users read of %,d listed so far", usersRead, usersListed);
    Traffic t = traffic;
    long inFlight = t == null ? 0 : t.inFlight();
    long throttled = t == null ? 0 : t.throttled();
    sink.accept(String.format(Locale.ROOT, "Still reading the tenant: %s, %,d request%s in flight, %,d throttled "
        + "wait%s [%ds elapsed]", users, inFlight, inFlight == 1 ? "" : "s", throttled, throttled == 1 ? "" : "s",
        seconds));
  }
}
