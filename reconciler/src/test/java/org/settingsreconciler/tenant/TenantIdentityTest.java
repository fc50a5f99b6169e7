package org.settingsreconciler.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a run names its tenant in headings, and when two Graph roots are one for a saved plan. */
class TenantIdentityTest {

  private static final String ROOT = "https://graph.microsoft.com/beta";
  private static final String ID = "0f1e2d3c-4b5a-4969-8877-665544332211";

  @Test
  void headingsNameTheTenantByNameAndIdAndWhoIsSignedIn() {
    assertThat(new TenantIdentity(ID, "Contoso", ROOT, "adele@contoso.com").describe())
        .isEqualTo(ROOT + ", tenant Contoso (" + ID + "), signed in as adele@contoso.com");
    assertThat(new TenantIdentity(ID, null, ROOT, "app 1234").describe())
        .isEqualTo(ROOT + ", tenant " + ID + ", signed in as app 1234");
    assertThat(new TenantIdentity(null, "Contoso", ROOT, null).describe())
        .isEqualTo(ROOT + ", tenant Contoso (id unknown)");
    assertThat(new TenantIdentity(null, null, ROOT, null).describe())
        .isEqualTo(ROOT + ", tenant not known (the token names none and /organization could not be read)");
    assertThat(new TenantIdentity(ID, "Contoso", TenantIdentity.SANDBOX_ROOT, null).describe())
        .isEqualTo("the sandbox tenant Contoso (" + ID + ")");
  }

  @Test
  void graphRootsAreTheSameIgnoringTheHostsCaseAndATrailingSlashButNotThePathOrPort() {
    assertThat(TenantIdentity.sameRoot(ROOT, "HTTPS://Graph.Microsoft.com/beta/")).isTrue();
    assertThat(TenantIdentity.sameRoot(ROOT, "https://graph.microsoft.com/v1.0")).isFalse();
    assertThat(TenantIdentity.sameRoot(ROOT, "https://graph.microsoft.us/beta")).isFalse();
    assertThat(TenantIdentity.sameRoot("http://127.0.0.1:8080/beta", "http://127.0.0.1:8081/beta")).isFalse();
    assertThat(TenantIdentity.sameRoot(TenantIdentity.SANDBOX_ROOT, ROOT)).isFalse();
  }
}
