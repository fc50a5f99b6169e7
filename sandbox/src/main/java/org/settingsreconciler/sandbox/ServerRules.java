package org.settingsreconciler.sandbox;

import java.util.Map;

/** The endpoint-specific server behaviours, by state name. An endpoint not listed gets the generic ones. */
final class ServerRules {

  private static final Map<String, ServerRule> BY_STATE_NAME =
      Map.of(
          "copilot.limitedMode", new LimitedModeRule(),
          "copilot.policySettings", new PolicySettingRule(),
          "people.profileSources", new ProfileSourceRule(),
          "people.profilePropertySettings", new ProfilePropertySettingRule(),
          "people.profileCardProperties", new ProfileCardPropertyRule(),
          "interests", new PersonInterestRule(),
          "people.photoUpdateSettings", new PhotoUpdateSettingsRule(),
          "copilot.agents", new CopilotPackageRule());

  private ServerRules() {}

  static ServerRule of(Endpoint e) {
    return BY_STATE_NAME.getOrDefault(e.stateName(), ServerRule.NONE);
  }
}
