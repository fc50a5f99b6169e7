package org.settingsreconciler.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.settingsreconciler.e2e.WireHarness.ADELE;
import static org.settingsreconciler.e2e.WireHarness.ROOT;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.e2e.WireHarness.Run;

/**
 * What goes on the wire for a user's settings and the item insights Graph nests in them: one GET and at most one
 * PATCH each, at the user's own paths, with only the properties that differ (never the read-only organization-wide
 * switch Graph answers beside them); and v1.0, where both exist, when the root names no version.
 */
class UserSettingsWireTest {

  @RegisterExtension static WireMockExtension wm = WireHarness.server();

  static final String SETTINGS = WireHarness.USER_SETTINGS;
  static final String INSIGHTS = WireHarness.USER_INSIGHTS;
  static final String SETTINGS_NOW = "{\"contributionToContentDiscoveryAsOrganizationDisabled\":true,"
      + "\"contributionToContentDiscoveryDisabled\":false}";

  @TempDir Path dir;

  private WireHarness h;

  @BeforeEach
  void harness() {
    h = new WireHarness(wm, dir);
  }

  @Test
  void eachIsPatchedAtTheUsersPathWithOnlyWhatDiffers() {
    h.get(SETTINGS, SETTINGS_NOW);
    h.get(INSIGHTS, "{\"isEnabled\":true}");
    h.patchOk(SETTINGS);
    h.patchOk(INSIGHTS);

    Run r = h.autoApply("""
        users:
          %s:
            settings:
              contributionToContentDiscoveryDisabled: true
              itemInsights:
                isEnabled: false
        """.formatted(ADELE));

    assertThat(r.exit()).as(r.err()).isZero();
    h.verifyPatch(SETTINGS, "{\"contributionToContentDiscoveryDisabled\":true}");
    h.verifyPatch(INSIGHTS, "{\"isEnabled\":false}");
    assertThat(h.requests()).extracting(q -> q.getMethod().getName() + " " + q.getUrl())
        .containsExactlyInAnyOrder("GET " + ROOT + SETTINGS, "GET " + ROOT + INSIGHTS, "PATCH " + ROOT + SETTINGS,
            "PATCH " + ROOT + INSIGHTS);
  }

  @Test
  void onlyTheNestedSettingIsPatchedWhenOnlyItDiffers() {
    h.get(SETTINGS, SETTINGS_NOW);
    h.get(INSIGHTS, "{\"isEnabled\":true}");
    h.patchOk(INSIGHTS);

    Run r = h.autoApply("users:\n  " + ADELE + ":\n    settings:\n      itemInsights:\n        isEnabled: false\n");

    assertThat(r.exit()).as(r.err()).isZero();
    h.verifyPatch(INSIGHTS, "{\"isEnabled\":false}");
    h.verifyNoPatch(SETTINGS);
    assertThat(r.out()).contains("Plan: 0 to create, 1 to update, 0 to delete, 1 unchanged.");
  }

  @Test
  void aVersionlessRootSendsThemToV1() {
    h.serve("/v1.0");
    wm.stubFor(get(urlEqualTo("/v1.0" + SETTINGS)).willReturn(okJson(SETTINGS_NOW)));
    wm.stubFor(get(urlEqualTo("/v1.0" + INSIGHTS)).willReturn(okJson("{\"isEnabled\":false}")));
    Path yaml = h.yaml("settings.yaml", "users:\n  " + ADELE + ":\n    settings:\n"
        + "      contributionToContentDiscoveryDisabled: false\n      itemInsights:\n        isEnabled: false\n");

    Run plan = h.graphAt(h.versionlessUrl(), "plan", yaml.toString());

    assertThat(plan.exit()).as(plan.toString()).isZero();
    assertThat(plan.out()).contains("No changes");
    assertThat(h.requests()).extracting(q -> q.getUrl())
        .containsExactlyInAnyOrder("/v1.0" + SETTINGS, "/v1.0" + INSIGHTS);
  }
}
