package org.settingsreconciler.cli;

import java.math.BigDecimal;
import java.util.List;
import java.util.ListResourceBundle;
import java.util.ResourceBundle;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The allowed values of a numeric option, checked as the command line is parsed: a value outside them is a usage
 * error that names the option and its range (picocli adds the option's name), exit 1, before anything is read or
 * sent. Every numeric option takes one of these as its converter, and its description states the range from here,
 * as {@code ${bundle:range.NAME}} with the class's simple name (see {@link #texts()}; NumericOptionsTest holds the two
 * together).
 */
abstract class Range<T extends Number> implements ITypeConverter<T> {

  private final BigDecimal min;
  private final BigDecimal max;
  private final boolean whole;

  private Range(BigDecimal min, BigDecimal max, boolean whole) {
    this.min = min;
    this.max = max;
    this.whole = whole;
  }

  /** The range as help and errors say it: "0 or more", "1 to 20". */
  final String text() {
    return max == null ? plain(min) + " or more" : plain(min) + " to " + plain(max);
  }

  @Override
  public final T convert(String value) {
    BigDecimal n;
    try {
      n = new BigDecimal(value.strip());
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + value + "' is not " + (whole ? "a whole number" : "a number")
          + "; it must be " + text());
    }
    if (whole && n.stripTrailingZeros().scale() > 0) {
      throw new TypeConversionException("'" + value + "' is not a whole number; it must be " + text());
    }
    if (n.compareTo(min) < 0 || (max != null && n.compareTo(max) > 0)) {
      throw new TypeConversionException(value.strip() + " is out of range; it must be " + text());
    }
    return of(n);
  }

  abstract T of(BigDecimal n);

  /** Every range, for {@link #texts()}. */
  private static final List<Range<?>> ALL = List.of(new ZeroOrMore(), new BatchSize(), new Concurrency(),
      new ParallelTenants(), new VerifyWait(), new Port(), new LatencyMs(), new WindowMs(), new PageSize());

  /**
   * Each range's {@link #text()} under {@code range.NAME} (its class's simple name), as the resource bundle of every
   * command (see ReconcilerCommand), so that descriptions say {@code ${bundle:range.Port}} and help shows the range
   * this class checks, never a copy of it.
   */
  static ResourceBundle texts() {
    Object[][] contents = ALL.stream()
        .map(r -> new Object[] {"range." + r.getClass().getSimpleName(), r.text()}).toArray(Object[][]::new);
    return new ListResourceBundle() {
      @Override
      protected Object[][] getContents() {
        return contents;
      }
    };
  }

  private static String plain(BigDecimal n) {
    return n.stripTrailingZeros().toPlainString();
  }

  /** A whole number from {@code min} to {@code max}; no {@code max} (Integer.MAX_VALUE) means "or more". */
  abstract static class Whole extends Range<Integer> {
    Whole(int min, int max) {
      super(BigDecimal.valueOf(min), max == Integer.MAX_VALUE ? null : BigDecimal.valueOf(max), true);
    }

    @Override
    Integer of(BigDecimal n) {
      return n.intValueExact();
    }
  }

  /** A number of seconds, fractions allowed. */
  abstract static class Seconds extends Range<Double> {
    Seconds(int min, int max) {
      super(BigDecimal.valueOf(min), BigDecimal.valueOf(max), false);
    }

    @Override
    Double of(BigDecimal n) {
      return n.doubleValue();
    }
  }

  /** {@code --max-deletes}, {@code --throttle-budget}: a count that may be zero. */
  static final class ZeroOrMore extends Whole {
    ZeroOrMore() {
      super(0, Integer.MAX_VALUE);
    }
  }

  /** {@code --batch-size}: Graph's JSON batches hold at most 20 requests. */
  static final class BatchSize extends Whole {
    BatchSize() {
      super(1, org.settingsreconciler.graph.Throughput.MAX_BATCH);
    }
  }

  /** {@code --concurrency}: round trips in flight; more than 64 only earns throttling. */
  static final class Concurrency extends Whole {
    Concurrency() {
      super(1, org.settingsreconciler.graph.Throughput.MAX_CONCURRENCY);
    }
  }

  /** {@code --parallel-tenants}: each tenant has its own round trips in flight, so this multiplies them. */
  static final class ParallelTenants extends Whole {
    static final int MAX = 64;

    ParallelTenants() {
      super(1, MAX);
    }
  }

  /** {@code --verify-wait}: up to 10 minutes. */
  static final class VerifyWait extends Seconds {
    VerifyWait() {
      super(0, 600);
    }
  }

  /** {@code sandbox --port}: a TCP port, or 0 for any free one. */
  static final class Port extends Whole {
    Port() {
      super(0, 65_535);
    }
  }

  /** {@code sandbox --latency-ms}: up to a minute per round trip. */
  static final class LatencyMs extends Whole {
    LatencyMs() {
      super(0, 60_000);
    }
  }

  /** {@code sandbox --throttle-window-ms}: up to an hour. */
  static final class WindowMs extends Whole {
    WindowMs() {
      super(1, 3_600_000);
    }
  }

  /** {@code sandbox --page-size}: Graph's pages hold at most 999 items. */
  static final class PageSize extends Whole {
    PageSize() {
      super(1, 999);
    }
  }
}
