package org.settingsreconciler.resource.defs;

import static org.settingsreconciler.resource.ValueKind.BOOLEAN;
import static org.settingsreconciler.resource.ValueKind.GROUP_ID;

import org.settingsreconciler.resource.Access;
import org.settingsreconciler.graph.GraphVersion;
import org.settingsreconciler.resource.Permissions;
import org.settingsreconciler.resource.PropertySpec;
import org.settingsreconciler.resource.ResourceDescriptor;
import tools.jackson.databind.node.BooleanNode;

/** Copilot enhanced personalization (docs/graph-facts.md section 1). */
public final class EnhancedPersonalization {

  public static final ResourceDescriptor DESCRIPTOR =
      ResourceDescriptor.builder("copilot.enhancedPersonalization")
          .title("Copilot enhanced personalization")
          .singleton("/copilot/settings/people/enhancedPersonalization")
          .versions(GraphVersion.BETA)
          .odataType("#microsoft.graph.enhancedPersonalizationSetting")
          // The update page marks isEnabledInOrganization "Required": it goes in every PATCH.
          .property(
              PropertySpec.of("isEnabledInOrganization", BOOLEAN)
                  .requiredInEveryPatch()
                  .destructiveWhenSetTo(
                      BooleanNode.FALSE,
                      "turning enhanced personalization off deletes every user's personalized data, which can't be "
                          + "recovered"))
          .property(PropertySpec.of("disabledForGroup", GROUP_ID))
          .permissions(
              Permissions.of(
                  Access.delegatedOrApp("PeopleSettings.Read.All", Access.NO_ROLE),
                  Access.delegatedOrApp("PeopleSettings.ReadWrite.All", "People Administrator")))
          .globalOnly()
          .getWrappedInValue()
          .schema("resources/copilot.enhancedPersonalization.schema.json")
          .build();

  private EnhancedPersonalization() {}
}
