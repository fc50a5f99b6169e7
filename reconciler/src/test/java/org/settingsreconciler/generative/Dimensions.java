package org.settingsreconciler.generative;

/**
 * Parts of the generated states that are switched off until the work that makes them pass lands. Each names that
 * work; switching one on must make the round trip still pass.
 */
final class Dimensions {

  /**
   * Profile card properties whose {@code directoryPropertyName} the tenant holds in another letter case than the
   * documented one ({@code customattribute1}): keys match ignoring case and export in the tenant's spelling.
   */
  static final boolean OTHER_LETTER_CASE_KEYS = true;

  /**
   * A named profile property setting whose name is the YAML's reserved key for the nameless one
   * ({@code sourcePrecedence}, in any letter case): no YAML can name it, so export leaves it out with a note and plan
   * and apply (prune included) leave it alone; the real nameless setting is never mistaken for it.
   */
  static final boolean RESERVED_NAME_AS_SETTING_NAME = true;

  /**
   * An explicit null in the desired state for a property Graph fills in itself when it is left empty: a policy
   * setting's {@code policyId} (the first tenant-level policy) and a new interest's {@code allowedAudiences}
   * ({@code organization}). The tenant never holds that null: the tool reads it as "Graph's choice", satisfied by any
   * value (ValueComparator.orGraphsDefaultWhenNull), and the read-back here does the same.
   */
  static final boolean NULL_WHERE_GRAPH_FILLS_A_DEFAULT = true;

  private Dimensions() {}
}
