package org.settingsreconciler.plan;

import java.util.Optional;

/**
 * Creates an earlier apply sent moments ago, which Graph may not list yet (it shows new items late). The plan
 * consults this before it plans a create, and holds back one that was sent already instead of sending it again.
 */
@FunctionalInterface
public interface RecentCreates {

  /** Nothing is held back (no ledger, or {@code --recreate-pending}). */
  RecentCreates NONE = create -> Optional.empty();

  /** The create held back, with how long ago it was sent, or empty to send it. */
  Optional<PendingCreate> heldBack(Create create);
}
