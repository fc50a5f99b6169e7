package org.settingsreconciler.plan;

import org.settingsreconciler.text.Plural;
import java.util.List;
import org.settingsreconciler.resource.CollectionKey;
import org.settingsreconciler.resource.ResourceId;

/**
 * Two or more items of one collection in the tenant with the same key, compared the way the key compares (an
 * interest's displayName ignoring case). Graph allows this where it does not key the collection itself (interests),
 * and POST is not idempotent, so an apply that ran twice over a Graph that showed its first creates late leaves one.
 * It is never collapsed silently: every plan format shows it, and the export warns about it.
 *
 * <p>Whether it counts as drift: where the YAML names the key, the tenant does not match it (one item per key), so
 * it does; with prune on, the extra copies are planned for deletion (changes, so drift too). A duplicate the YAML
 * does not name, with prune off, is outside what the YAML manages: a warning, not drift.
 *
 * @param item the item's address (the YAML's spelling of the key where the YAML names it, else the first copy's)
 * @param ids every copy's Graph id, in the order Graph lists them; the first is the one the plan matches
 * @param paths every copy's Graph path, in the same order
 * @param managed whether the YAML names the key
 * @param prune whether the collection is pruned, so the extra copies are planned for deletion
 */
public record Duplicate(ResourceId item, List<String> ids, List<String> paths, boolean managed, boolean prune) {

  public Duplicate {
    ids = List.copyOf(ids);
    paths = List.copyOf(paths);
  }

  public String address() {
    return item.address();
  }

  /** Whether it makes the tenant differ from the desired state (check exits 2). */
  public boolean drift() {
    return managed || prune;
  }

  /** What is wrong: "is in the tenant 2 times (ids a, b; displayName compared ignoring case)". */
  public String problem() {
    CollectionKey key = item.descriptor().key();
    return "is in the tenant " + ids.size() + " times (ids " + String.join(", ", ids) + "; " + key.property()
        + " compared " + (key.caseInsensitive() ? "ignoring case" : "exactly") + ")";
  }

  /** What apply does about it, and how to resolve it. */
  public String advice() {
    String type = item.descriptor().type();
    List<String> extra = ids.subList(1, ids.size());
    if (prune) {
      return managed
          ? "apply keeps " + ids.get(0) + " (the first Graph lists) and deletes " + String.join(", ", extra)
              + " (prune; planned above)"
          : "not in the YAML: apply deletes every copy (prune; planned above)";
    }
    return (managed
        ? "apply matches " + ids.get(0) + " (the first Graph lists) with the YAML and leaves "
            + String.join(", ", extra) + ", as pruning is off for " + type
        : "not in the YAML, and pruning is off for " + type + ", so apply leaves every copy")
        + ". " + resolution();
  }

  /** How to remove the extra copies: by hand, or by pruning. */
  public String resolution() {
    int extra = ids.size() - 1;
    return "Delete the extra " + Plural.pick(extra, "copy", "copies") + " (" + String.join(", ",
        paths.subList(1, paths.size()).stream().map(p -> "DELETE " + p).toList()) + ") in the Microsoft 365 admin "
        + "centre or with Graph, or list " + item.descriptor().type() + " under prune so apply deletes "
        + Plural.pick(extra, "it", "them");
  }
}
