package org.settingsreconciler.sandbox;

import tools.jackson.databind.JsonNode;

/**
 * Copilot policy settings (docs/graph-facts.md 2): "If omitted on PATCH, the API uses the first matching tenant-level
 * policy." The emulated tenant has one tenant-level policy, {@link #TENANT_POLICY_ID}.
 */
final class PolicySettingRule implements ServerRule {

  /** The emulated tenant's one tenant-level Copilot policy (the id from the docs' examples). */
  static final String TENANT_POLICY_ID = "a1b2c3d4-e5f6-7890-abcd-ef1234567890";

  @Override
  public void complete(Write write) {
    JsonNode policyId = write.merged().get("policyId");
    if (policyId == null || policyId.isNull()) {
      write.merged().put("policyId", TENANT_POLICY_ID);
    }
  }
}
