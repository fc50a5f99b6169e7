package org.settingsreconciler.apply;

import org.settingsreconciler.text.Plural;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.settingsreconciler.state.ProgressClock;

/**
 * Tells whoever watches a long apply that it is still going, as Terraform's "Still creating..." does: every
 * {@link #EVERY}, how many of the changes have their answer, or that all have and the tenant is being read back. A
 * clock thread says it, so a run that waits (a Retry-After, a slow read-back) is heard from too; an apply that ends
 * sooner prints nothing more than before. The lines go to standard error: the report on standard output is the
 * same whether or not they were printed.
 */
public final class ApplyProgress {

  /** As often as Terraform says it, and seldom enough not to fill a CI log. */
  public static final Duration EVERY = Duration.ofSeconds(10);

  private final Consumer<String> sink;
  private final LongSupplier nanoTime;
  private final Duration every;
  private final ProgressClock clock = new ProgressClock("apply-progress");
  private volatile long start;
  private volatile int total;
  private volatile int answered;
  /** How many changes are being read back; -1 while answers are still coming. */
  private volatile int readingBack = -1;

  /**
   * @param nanoTime the clock the lines' elapsed time is read from ({@code System::nanoTime}; tests give their own)
   * @param every how often a line is said; null for never by itself (tests call {@link #tick} instead)
   */
  ApplyProgress(Consumer<String> sink, LongSupplier nanoTime, Duration every) {
    this.sink = sink;
    this.nanoTime = nanoTime;
    this.every = every;
  }

  /** Says how far an apply has got to {@code sink}, {@code every} so often (the CLI's default: {@link #EVERY}). */
  public static ApplyProgress to(Consumer<String> sink, Duration every) {
    return new ApplyProgress(sink, System::nanoTime, every);
  }

  /** Progress that is never told: for output nobody sees as it is written. */
  public static ApplyProgress silent() {
    return new ApplyProgress(line -> { }, System::nanoTime, null);
  }

  /** The writes begin: {@code count} changes are about to be sent. */
  void sending(int count) {
    start = nanoTime.getAsLong();
    total = count;
    answered = 0;
    readingBack = -1;
    clock.start(this::tick, every);
  }

  /** So many changes have their answer by now (or are known not to be sent, as one before them failed). */
  void answered(int soFar) {
    answered = soFar;
  }

  /** Every change has its answer, and {@code count} of them are being read back. */
  void readingBack(int count) {
    readingBack = count;
  }

  /** The apply has its results: nothing more is said, and nothing is being said once this returns. */
  void done() {
    clock.stop();
  }

  /** Says where the apply is; the clock thread calls it every {@link #EVERY}. */
  void tick() {
    long seconds = (nanoTime.getAsLong() - start) / 1_000_000_000L;
    int back = readingBack;
    sink.accept(back < 0
        ? String.format(Locale.ROOT, "Still applying: %,d of %,d %s answered [%ds elapsed]", answered, total,
            Plural.noun(total, "change"), seconds)
        : total == 1
        ? String.format(Locale.ROOT, "Still applying: the change was answered, reading the tenant back to verify it "
            + "[%ds elapsed]", seconds)
        : String.format(Locale.ROOT, "Still applying: all %,d changes answered, reading the tenant back to verify "
            + "%,d of them [%ds elapsed]", total, back, seconds));
  }
}
