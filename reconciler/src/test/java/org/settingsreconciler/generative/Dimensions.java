package org.settingsreconciler.generative;

/**
 * Parts of the generated states that are switched off until the work that makes them pass lands. Each names that
 * work; switching one on must make the round trip still pass.
 */
final class Dimensions {

  /**
   * Profile card properties whose {@code directoryPropertyName} the tenant holds in another letter case than the
   * documented one ({@code customattribute1}). Off: keys that match ignoring case are the "shapes" work (issue 14,
   * item 3); until it lands, such a name exports a key the schema calls unknown. Switch on after that merge.
   */
  static final boolean OTHER_LETTER_CASE_KEYS = false;

  /**
   * A named profile property setting whose name is the YAML's reserved key for the nameless one
   * ({@code sourcePrecedence}, in any letter case). The tool then takes it for the tenant-wide setting: export reports
   * the two as one setting held twice, and a plan may match the YAML's sourcePrecedence with the named one. Off: which
   * property keys a setting (name or displayName) and how the nameless one is spelt is the "shapes" work (issue 14,
   * item 5); switch on after that merge.
   */
  static final boolean RESERVED_NAME_AS_SETTING_NAME = false;

  /**
   * An explicit null in the desired state for a property Graph fills in itself when it is left empty: a policy
   * setting's {@code policyId} (the first tenant-level policy) and a new interest's {@code allowedAudiences}
   * ({@code organization}). Graph's docs say what it does with the property left out, not with null, so the sandbox
   * treats null as left out and the tenant never holds the null the YAML asks for. Off until the tool decides what such
   * a null means (warn, refuse, or read it as "Graph's default").
   */
  static final boolean NULL_WHERE_GRAPH_FILLS_A_DEFAULT = false;

  private Dimensions() {}
}
