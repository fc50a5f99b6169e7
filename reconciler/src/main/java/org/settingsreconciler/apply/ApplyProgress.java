package org.settingsreconciler.apply;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Tells whoever watches a long apply that it is still going, as Terraform's "Still creating..." does: when an answer
 * comes at least {@link #EVERY} after the last word, how many of the changes have one; then, once the run has lasted
 * that long, that the read-back has begun. An apply that ends sooner prints nothing more than before. The lines go to
 * standard error, so the report on standard output is the same whether or not they were printed.
 */
public final class ApplyProgress {

  /** As often as Terraform says it, and seldom enough not to fill a CI log. */
  public static final Duration EVERY = Duration.ofSeconds(10);

  private final Consumer<String> sink;
  private final LongSupplier nanoTime;
  private long start;
  private long nextAt;
  private int total;
  private int answered;

  /** @param nanoTime the clock ({@code System::nanoTime}; tests give their own) */
  public ApplyProgress(Consumer<String> sink, LongSupplier nanoTime) {
    this.sink = sink;
    this.nanoTime = nanoTime;
  }

  /** Progress that is never told: for runs nobody watches line by line. */
  public static ApplyProgress silent() {
    return new ApplyProgress(line -> { }, System::nanoTime);
  }

  /** The writes begin: {@code count} changes are about to be sent. */
  void sending(int count) {
    start = nanoTime.getAsLong();
    nextAt = start + EVERY.toNanos();
    total = count;
    answered = 0;
  }

  /** One more change has its answer (or was not sent because one before it failed). */
  void answered() {
    answered++;
    long now = nanoTime.getAsLong();
    if (answered < total && now - nextAt >= 0) {
      sink.accept(String.format(Locale.ROOT, "Still applying: %,d of %,d changes answered [%s elapsed]", answered,
          total, elapsed(now)));
      nextAt = now + EVERY.toNanos();
    }
  }

  /** Every change has its answer and the read-back of {@code count} of them begins. */
  void readingBack(int count) {
    long now = nanoTime.getAsLong();
    if (count > 0 && now - start >= EVERY.toNanos()) {
      sink.accept(String.format(Locale.ROOT, "All %,d changes answered; reading the tenant back to verify %,d of "
          + "them [%s elapsed]", total, count, elapsed(now)));
    }
  }

  private String elapsed(long now) {
    return (now - start) / 1_000_000_000L + "s";
  }
}
