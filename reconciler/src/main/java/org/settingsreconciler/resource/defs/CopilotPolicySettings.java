package org.settingsreconciler.resource.defs;

import static org.settingsreconciler.resource.ValueKind.STRING;

import java.util.List;
import org.settingsreconciler.resource.Access;
import org.settingsreconciler.graph.GraphVersion;
import org.settingsreconciler.resource.Permissions;
import org.settingsreconciler.resource.PropertySpec;
import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.resource.ValueComparator;

/**
 * Copilot policy settings (docs/graph-facts.md section 2). There is no list endpoint, so the documented ids are read
 * one
 * by one. Note the entity has a string property named {@code value}: it must never be unwrapped as an envelope.
 */
public final class CopilotPolicySettings {

  /** The ids the docs list as supported; any other id answers 404 unsupportedSetting. */
  public static final List<String> SUPPORTED_IDS =
      List.of(
          "microsoft.copilot.copilotchatpinning",
          "microsoft.copilot.blockaccesstoopenfiles",
          "microsoft.copilot.imagegeneration",
          "microsoft.copilot.allowwebsearch",
          "microsoft.copilot.allowinadmincenters");

  public static final ResourceDescriptor DESCRIPTOR =
      ResourceDescriptor.builder("copilot.policySettings")
          .title("Copilot policy setting")
          .fixedIds("/copilot/admin/policySettings", SUPPORTED_IDS)
          .versions(GraphVersion.BETA)
          .odataType("#microsoft.graph.copilotPolicySetting")
          // "value" is required in every PATCH; policyId is optional (Graph then picks the first tenant policy), so a
          // null policyId in the YAML means Graph's choice: any policy the tenant holds satisfies it.
          .property(PropertySpec.of("value", STRING).requiredInEveryPatch())
          .property(PropertySpec.of("policyId", STRING)
              .comparedWith(ValueComparator.forKind(STRING).orGraphsDefaultWhenNull()))
          .errorHint(
              404,
              "unsupportedSetting",
              "Graph does not support this policy setting id; the supported ids are " + SUPPORTED_IDS)
          .errorHint(
              422,
              "groupScopedSettingNotSupported",
              "this setting is configured in a group-level policy, which the API cannot manage: manage it in the "
                  + "Cloud Policy service, not in desired-state YAML")
          .errorHint(
              502,
              "tooManyGroupPolicies",
              "the tenant has more group-level Copilot policies than the preview API supports; retry later or "
                  + "reduce the number of group-level policies")
          .permissions(
              Permissions.of(
                  Access.delegatedOnly("CopilotPolicySettings.Read", Access.NO_ROLE),
                  Access.delegatedOnly("CopilotPolicySettings.ReadWrite", Access.NO_ROLE)))
          .globalOnly()
          .schema("resources/copilot.policySettings.schema.json")
          .build();

  private CopilotPolicySettings() {}
}
