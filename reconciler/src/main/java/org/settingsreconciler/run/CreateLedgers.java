package org.settingsreconciler.run;

import java.time.Duration;
import java.util.Optional;
import org.settingsreconciler.apply.CreateLedger;
import org.settingsreconciler.files.ConfigDir;

/**
 * Opens the ledger of recent creates of one tenant (apply.CreateLedger) in the tool's config directory, for as long
 * as {@value #WINDOW} says (minutes; default 15, 0 switches it off).
 */
final class CreateLedgers {

  static final String WINDOW = "RECONCILER_PENDING_CREATE_MINUTES";

  private CreateLedgers() {}

  /**
   * The ledger for {@code graphRoot} and {@code tenant}; off when the environment names no config directory or
   * switches it off.
   *
   * @throws UserError when {@value #WINDOW} is not a number of minutes from 0 to 1440
   */
  static CreateLedger open(RunContext ctx, String graphRoot, String tenant) {
    Duration window = window(ctx);
    Optional<java.nio.file.Path> dir = ConfigDir.of(ctx.env());
    if (window.isZero() || dir.isEmpty()) {
      return CreateLedger.off();
    }
    return CreateLedger.in(dir.get(), graphRoot, tenant == null ? "" : tenant, window, ctx.clock());
  }

  static Duration window(RunContext ctx) {
    String v = ctx.env().get(WINDOW);
    if (v == null || v.isBlank()) {
      return CreateLedger.DEFAULT_WINDOW;
    }
    double minutes;
    try {
      minutes = Double.parseDouble(v.strip());
    } catch (NumberFormatException e) {
      minutes = Double.NaN;
    }
    if (Double.isNaN(minutes) || minutes < 0 || minutes > 1440) {
      throw new UserError(WINDOW + " must be a number of minutes from 0 (off) to 1440, such as 15, not '" + v + "'");
    }
    return Duration.ofSeconds(Math.round(minutes * 60));
  }
}
