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

  /** Why the changes may not be applied; empty when they may. Each names the flag that was not given. */
  public List<String> refusals(List<Change> changes) {
    List<String> out = new ArrayList<>();
    if (!allowDestructive) {
      for (Change c : changes) {
        Optional<String> reason = Destructive.reason(c);
        reason.ifPresent(r -> out.add(c.address() + " is destructive: " + r + ". Apply it with --allow-destructive."));
      }
    }
    if (tooManyDeletes(changes)) {
      out.add("the plan deletes " + deletes(changes) + " items, more than --max-deletes " + maxDeletes
          + ". Check that no desired-state file is missing, then use --force.");
    }
    return out;
  }

  /** The flags that were not given and that these changes need, in the order the refusals name them. */
  public List<String> missingFlags(List<Change> changes) {
    List<String> out = new ArrayList<>();
    if (!allowDestructive && changes.stream().anyMatch(c -> Destructive.reason(c).isPresent())) {
      out.add("--allow-destructive");
    }
    if (tooManyDeletes(changes)) {
      out.add("--force");
    }
    return out;
  }

  private boolean tooManyDeletes(List<Change> changes) {
    return deletes(changes) > maxDeletes && !force;
  }

  private static long deletes(List<Change> changes) {
    return changes.stream().filter(c -> c instanceof Delete).count();
  }
}
