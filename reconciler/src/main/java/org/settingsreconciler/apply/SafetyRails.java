package org.settingsreconciler.apply;

import org.settingsreconciler.text.Plural;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.settingsreconciler.plan.Change;
import org.settingsreconciler.plan.Delete;
import org.settingsreconciler.plan.Invoke;
import org.settingsreconciler.plan.Destructive;

/**
 * Checks a plan against the consents given before anything is sent: destructive changes need
 * {@code --allow-destructive}, and more deletes than {@code --max-deletes}, or more blocks than {@code --max-blocks},
 * need {@code --force} (octoDNS's threshold, for the day a YAML file goes missing with pruning on, or an agent
 * allow-list loses its entries).
 *
 * @param maxBlocks how many {@code block} actions a plan may send without {@code --force} (an agent blocked takes it
 *     from everyone using it, and the allow-list blocks every agent the YAML does not list)
 */
public record SafetyRails(boolean allowDestructive, int maxDeletes, boolean force, int maxBlocks) {

  public static final int DEFAULT_MAX_DELETES = 10;

  public static final int DEFAULT_MAX_BLOCKS = 10;

  /** The action a {@code --max-blocks} counts. */
  static final String BLOCK = "block";

  /** Rails with the default limit of blocks. */
  public SafetyRails(boolean allowDestructive, int maxDeletes, boolean force) {
    this(allowDestructive, maxDeletes, force, DEFAULT_MAX_BLOCKS);
  }

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
      out.add("the plan deletes " + Plural.count(deletes(changes), "item") + ", more than --max-deletes " + maxDeletes
          + ". Check that no desired-state file is missing, then use --force.");
    }
    if (tooManyBlocks(changes)) {
      out.add("the plan blocks " + Plural.count(blocks(changes), "item") + ", more than --max-blocks " + maxBlocks
          + ". Check that no desired-state file is missing and that the allow-list names every agent to keep, then "
          + "use --force.");
    }
    return out;
  }

  /** The flags that were not given and that these changes need, in the order the refusals name them. */
  public List<String> missingFlags(List<Change> changes) {
    List<String> out = new ArrayList<>();
    if (!allowDestructive && changes.stream().anyMatch(c -> Destructive.reason(c).isPresent())) {
      out.add("--allow-destructive");
    }
    if (tooManyDeletes(changes) || tooManyBlocks(changes)) {
      out.add("--force");
    }
    return out;
  }

  private boolean tooManyBlocks(List<Change> changes) {
    return blocks(changes) > maxBlocks && !force;
  }

  private static long blocks(List<Change> changes) {
    return changes.stream().filter(c -> c instanceof Invoke i && i.name().equals(BLOCK)).count();
  }

  private boolean tooManyDeletes(List<Change> changes) {
    return deletes(changes) > maxDeletes && !force;
  }

  private static long deletes(List<Change> changes) {
    return changes.stream().filter(c -> c instanceof Delete).count();
  }
}
