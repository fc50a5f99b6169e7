package org.settingsreconciler.sandbox;

import java.util.Map;
import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.resource.defs.CopilotPolicySettings;
import org.settingsreconciler.resource.defs.LimitedMode;
import org.settingsreconciler.resource.defs.PeopleToggles;
import org.settingsreconciler.resource.defs.PersonInterests;
import org.settingsreconciler.resource.defs.ProfileCardProperties;
import org.settingsreconciler.resource.defs.ProfilePropertySettings;

/** The resource-specific server behaviours, by descriptor type. A descriptor not listed gets the generic ones. */
final class ServerRules {

  private static final Map<String, ServerRule> BY_TYPE =
      Map.of(
          LimitedMode.DESCRIPTOR.type(), new LimitedModeRule(),
          CopilotPolicySettings.DESCRIPTOR.type(), new PolicySettingRule(),
          ProfilePropertySettings.DESCRIPTOR.type(), new ProfilePropertySettingRule(),
          ProfileCardProperties.DESCRIPTOR.type(), new ProfileCardPropertyRule(),
          PersonInterests.DESCRIPTOR.type(), new PersonInterestRule(),
          PeopleToggles.PHOTO_UPDATE_SETTINGS.type(), new PhotoUpdateSettingsRule());

  private ServerRules() {}

  static ServerRule of(ResourceDescriptor d) {
    return BY_TYPE.getOrDefault(d.type(), ServerRule.NONE);
  }
}
