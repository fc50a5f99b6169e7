package org.settingsreconciler.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.settingsreconciler.plan.Change;
import org.settingsreconciler.plan.Delete;
import org.settingsreconciler.plan.Destructive;

/**
 * Checks a plan against the consents given before anything is sent: destructive changes need
 * {@code --allow-destructive}, and more deletes than {@code --max-deletes} need {@code --force} (octoDNS's
 * threshold, for the day a YAML file goes missing with pruning on).
 */
public record SafetyRails(boolean allowDestructive, int maxDeletes, boolean force) {

  public static final int DEFAULT_MAX_DELETES = 10;

  /** Why the changes may not be applied; empty when they may. */
  public List<String> refusals(List<Change> changes) {
    List<String> out = new ArrayList<>();
    if (!allowDestructive) {
      for (Change c : changes) {
        Optional<String> reason = Destructive.reason(c);
        reason.ifPresent(r -> out.add(c.address() + " is destructive: " + r + ". Apply it with --allow-destructive."));
      }
    }
    long deletes = changes.stream().filter(c -> c instanceof Delete).count();
    if (deletes > maxDeletes && !force) {
      out.add("the plan deletes " + deletes + " items, more than --max-deletes " + maxDeletes
          + ". Check that no desired-state file is missing, then use --force.");
    }
    return out;
  }
}
