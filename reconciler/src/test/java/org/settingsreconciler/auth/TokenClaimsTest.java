package org.settingsreconciler.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenClaimsTest {

  @Test
  void anAppOnlyTokenCarriesRoles() {
    TokenClaims c = TokenClaims.decode(TestJwt.appOnly("PeopleSettings.ReadWrite.All", "User.Read.All")).orElseThrow();

    assertThat(c.appOnly()).isTrue();
    assertThat(c.permissions()).containsExactly("PeopleSettings.ReadWrite.All", "User.Read.All");
    assertThat(c.tenantId()).isEqualTo(TestJwt.TENANT);
    assertThat(c.appId()).isEqualTo(TestJwt.CLIENT_ID);
    assertThat(c.user()).isNull();
    assertThat(c.kind()).isEqualTo("app-only (app " + TestJwt.CLIENT_ID + ")");
  }

  @Test
  void aDelegatedTokenCarriesScopesAndTheUser() {
    TokenClaims c = TokenClaims.decode(TestJwt.delegated("CopilotPolicySettings.Read", "User.Read")).orElseThrow();

    assertThat(c.appOnly()).isFalse();
    assertThat(c.permissions()).containsExactly("CopilotPolicySettings.Read", "User.Read");
    assertThat(c.user()).isEqualTo("admin@contoso.com");
    assertThat(c.kind()).isEqualTo("delegated (admin@contoso.com)");
  }

  @Test
  void withoutIdtypATokenWithoutScopesIsAnAppsToken() {
    Map<String, Object> claims = TestJwt.base();
    claims.put("roles", List.of("PeopleSettings.Read.All"));
    assertThat(TokenClaims.decode(TestJwt.of(claims)).orElseThrow().appOnly()).isTrue();

    Map<String, Object> delegated = TestJwt.base();
    delegated.put("scp", "PeopleSettings.Read.All");
    assertThat(TokenClaims.decode(TestJwt.of(delegated)).orElseThrow().appOnly()).isFalse();
  }

  @Test
  void readWriteIncludesReadAndDirectoryPermissionsIncludeUserOnes() {
    TokenClaims c =
        TokenClaims.decode(TestJwt.delegated("PeopleSettings.ReadWrite.All", "CopilotSettings-LimitedMode.ReadWrite",
            "Directory.Read.All")).orElseThrow();

    assertThat(c.has("PeopleSettings.Read.All")).isTrue();
    assertThat(c.has("PeopleSettings.ReadWrite.All")).isTrue();
    assertThat(c.has("peoplesettings.read.all")).as("permission names ignore case").isTrue();
    assertThat(c.has("CopilotSettings-LimitedMode.Read")).isTrue();
    assertThat(c.has("User.Read.All")).isTrue();
    assertThat(c.has("User.ReadWrite.All")).isFalse();
    assertThat(c.has("CopilotPolicySettings.Read")).isFalse();
  }

  @Test
  void readDoesNotIncludeReadWriteNorReadBasic() {
    TokenClaims c = TokenClaims.decode(TestJwt.appOnly("PeopleSettings.Read.All", "User.ReadBasic.All")).orElseThrow();

    assertThat(c.has("PeopleSettings.ReadWrite.All")).isFalse();
    assertThat(c.has("User.Read.All")).isFalse();
    assertThat(PermissionNames.readWriteOf("User.ReadBasic.All")).isNull();
    assertThat(PermissionNames.readWriteOf("CopilotPolicySettings.Read")).isEqualTo("CopilotPolicySettings.ReadWrite");
  }

  @Test
  void somethingThatIsNotAJwtHasNoClaims() {
    assertThat(TokenClaims.decode("opaque")).isEmpty();
    assertThat(TokenClaims.decode("a.b.c")).isEmpty();
    assertThat(TokenClaims.decode("eyJhbGciOiJub25lIn0.bm90IGpzb24.")).isEmpty();
    assertThat(TokenClaims.decode(null)).isEmpty();
  }

  @Test
  void graphAudiencesOfEveryCloudAreRecognised() {
    assertThat(Cloud.isGraphAudience("https://graph.microsoft.com")).isTrue();
    assertThat(Cloud.isGraphAudience("https://graph.microsoft.com/")).isTrue();
    assertThat(Cloud.isGraphAudience("00000003-0000-0000-c000-000000000000")).isTrue();
    assertThat(Cloud.isGraphAudience("https://dod-graph.microsoft.us")).isTrue();
    assertThat(Cloud.isGraphAudience("https://management.core.windows.net/")).isFalse();
  }

  @Test
  void eachCloudPairsItsAuthorityWithItsGraph() {
    assertThat(Cloud.global.scope()).isEqualTo("https://graph.microsoft.com/.default");
    assertThat(Cloud.usgov.graphRoot()).isEqualTo("https://graph.microsoft.us");
    assertThat(Cloud.usgov.authorityHost()).isEqualTo("https://login.microsoftonline.us");
    assertThat(Cloud.usgovdod.graphRoot()).isEqualTo("https://dod-graph.microsoft.us");
    assertThat(Cloud.usgovdod.authorityHost()).isEqualTo("https://login.microsoftonline.us");
    assertThat(Cloud.china.scope()).isEqualTo("https://microsoftgraph.chinacloudapi.cn/.default");
    assertThat(Cloud.china.authorityHost()).isEqualTo("https://login.chinacloudapi.cn");
  }
}
