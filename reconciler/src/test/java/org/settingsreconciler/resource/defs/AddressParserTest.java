package org.settingsreconciler.resource.defs;

import org.settingsreconciler.resource.ResourceId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.settingsreconciler.graph.GraphVersion;
import org.settingsreconciler.graph.VersionChoice;
import org.junit.jupiter.api.Test;

class AddressParserTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "copilot.enhancedPersonalization",
      "copilot.policySettings[\"microsoft.copilot.allowwebsearch\"]",
      "people.profileCardProperties[\"CustomAttribute1\"]",
      "users[\"adele@contoso.com\"].interests[\"Chelsea FC\"]",
      "users[\"a@b.c\"].interests[\"quote \\\" and \\\\ backslash. dots [brackets]\"]"})
  void addressesReadBackToTheSameObject(String address) {
    assertThat(AddressParser.parse(address).address()).isEqualTo(address);
  }

  @Test
  void partsLandWhereTheyBelong() {
    ResourceId id = AddressParser.parse("users[\"adele@contoso.com\"].interests[\"Chelsea FC\"]");
    assertThat(id.descriptor()).isSameAs(PersonInterests.DESCRIPTOR);
    assertThat(id.user()).isEqualTo("adele@contoso.com");
    assertThat(id.key()).isEqualTo("Chelsea FC");
    assertThat(id.objectPath(VersionChoice.EACH_RESOURCE, "0fb4"))
        .isEqualTo("/beta/users/adele@contoso.com/profile/interests/0fb4");
    ResourceId policy = AddressParser.parse("copilot.policySettings[\"microsoft.copilot.imagegeneration\"]");
    assertThat(policy.descriptor()).isSameAs(CopilotPolicySettings.DESCRIPTOR);
    assertThat(policy.objectPath(VersionChoice.EACH_RESOURCE, null))
        .isEqualTo("/beta/copilot/admin/policySettings/microsoft.copilot.imagegeneration");
  }

  @Test
  void keysAreEncodedAsOnePathSegment() {
    ResourceId id = new ResourceId(PersonInterests.DESCRIPTOR, "o'neil@contoso.com", "A/B C");
    assertThat(id.objectPath(GraphVersion.BETA, "x/y")).isEqualTo("/beta/users/o%27neil@contoso.com/profile/interests/x%2Fy");
  }

  @Test
  void unknownTypesAndBadSyntaxAreRefused() {
    assertThatThrownBy(() -> AddressParser.parse("copilot.nope")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AddressParser.parse("people.profileCardProperties[\"x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
