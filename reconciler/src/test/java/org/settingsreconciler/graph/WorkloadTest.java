package org.settingsreconciler.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Which rate a request draws on: the first segment after the version, a user in parentheses a user as any other. */
class WorkloadTest {

  private static String of(String relative) {
    return Pacer.workload(new Wire("GET", URI.create("https://graph.microsoft.com/beta" + relative.replace("'", "%27").replace(" ", "%20")),
        GraphVersion.BETA, relative, null));
  }

  @Test
  void theFirstSegmentNamesTheWorkload() {
    assertThat(of("/admin/people/pronouns")).isEqualTo("admin");
    assertThat(of("/copilot/admin/settings/limitedMode")).isEqualTo("copilot");
    assertThat(of("/groups?$filter=displayName eq 'x'")).isEqualTo("groups");
    assertThat(of("/Organization/abc/settings")).isEqualTo("organization");
  }

  @Test
  void aUsersProfileAndSettingsShareTheUsersRate() {
    // They may share one budget (see Pacer.workload): rates of their own would add up past it.
    assertThat(of("/users?$select=id,userPrincipalName")).isEqualTo("users");
    assertThat(of("/users/adele@contoso.com?$select=id")).isEqualTo("users");
    assertThat(of("/users/adele@contoso.com/profile/interests")).isEqualTo("users");
    assertThat(of("/Users/0f1e/Settings/itemInsights")).isEqualTo("users");
  }

  @Test
  void aUserNamedInParenthesesIsAUserAsAnyOther() {
    assertThat(of("/users('$svc@contoso.com')/profile/interests")).isEqualTo("users");
    assertThat(of("/users('$svc@contoso.com')?$select=id")).isEqualTo("users");
  }

  @Test
  void aNextLinkOutsideTheVersionRootsIsNamedByItsFirstSegmentAfterTheFirst() {
    Wire elsewhere = new Wire("GET", URI.create("https://graph.microsoft.com/other/users/a/profile/interests?x=1"),
        null, null, null);
    assertThat(Pacer.workload(elsewhere)).isEqualTo("users");
  }
}
