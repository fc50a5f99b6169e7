package org.settingsreconciler.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.settingsreconciler.e2e.WireHarness.ADELE;
import static org.settingsreconciler.e2e.WireHarness.INTERESTS;
import static org.settingsreconciler.e2e.WireHarness.ROOT;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.e2e.WireHarness.Run;

/** A user's interests: keyed by displayName (ignoring case), written at the server's ids, deleted only with prune. */
class InterestsWireTest {

  @RegisterExtension static WireMockExtension wm = WireHarness.server();

  @TempDir Path dir;

  private WireHarness h;

  @BeforeEach
  void harness() {
    h = new WireHarness(wm, dir);
  }

  private static String interest(String id, String displayName, String extra) {
    return "{\"id\":\"" + id + "\",\"displayName\":\"" + displayName + "\",\"allowedAudiences\":\"organization\","
        + "\"createdDateTime\":\"2020-07-06T06:34:12.2294868Z\"" + (extra.isEmpty() ? "" : "," + extra) + "}";
  }

  @Test
  void missingInterestIsPostedToTheUsersInterestsWithItsDisplayName() {
    h.list(INTERESTS);
    h.postCreated(INTERESTS);

    Run r = h.autoApply("""
        users:
          %s:
            interests:
              Chelsea FC:
                categories: [Sports]
                webUrl: https://www.chelseafc.com
        """.formatted(ADELE));

    assertThat(r.exit()).as(r.err()).isZero();
    h.verifyPost(INTERESTS,
        "{\"displayName\":\"Chelsea FC\",\"categories\":[\"Sports\"],\"webUrl\":\"https://www.chelseafc.com\"}");
    assertThat(r.out()).contains("+ users[\"" + ADELE + "\"].interests[\"Chelsea FC\"] will be created\n      POST " + ROOT + INTERESTS);
  }

  @Test
  void changedInterestIsPatchedAtItsServerIdWithOnlyWhatDiffers() {
    h.list(INTERESTS, interest("0fb4c1e3-c1e3", "Chelsea FC", "\"description\":\"old\",\"categories\":[\"Sports\"]"));
    h.patchOk(INTERESTS + "/0fb4c1e3-c1e3");

    Run r = h.autoApply("""
        users:
          %s:
            interests:
              Chelsea FC:
                description: World's greatest football club
                categories: [Sports]
        """.formatted(ADELE));

    assertThat(r.exit()).as(r.err()).isZero();
    h.verifyPatch(INTERESTS + "/0fb4c1e3-c1e3", "{\"description\":\"World's greatest football club\"}");
  }

  @Test
  void categoriesInAnotherOrderAreNoChange() {
    h.list(INTERESTS, interest("i-1", "Hiking", "\"categories\":[\"Outdoors\",\"Sports\",\"Travel\"]"));

    Run r = h.autoApply("""
        users:
          %s:
            interests:
              Hiking:
                categories: [Travel, Outdoors, Sports]
        """.formatted(ADELE));

    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("No changes.");
    h.verifyOnlyReads();
  }

  @Test
  void interestKeysMatchIgnoringCaseSoNoDuplicateIsCreatedOrDeleted() {
    h.list(INTERESTS, interest("i-1", "chelsea fc", "\"categories\":[\"Sports\"]"));
    h.patchOk(INTERESTS + "/i-1");

    Run r = h.autoApply("""
        users:
          %s:
            interests:
              Chelsea FC:
                categories: [Sports]
        prune: [users.interests]
        """.formatted(ADELE));

    assertThat(r.exit()).as(r.err()).isZero();
    // The same interest: only its spelling is corrected, in place; no POST, no DELETE.
    h.verifyPatch(INTERESTS + "/i-1", "{\"displayName\":\"Chelsea FC\"}");
    assertThat(h.requests()).noneMatch(q -> q.getMethod().getName().matches("POST|DELETE"));
  }

  @Test
  void withoutPruneATenantOnlyInterestIsKept() {
    h.list(INTERESTS, interest("i-1", "Hiking", ""), interest("i-2", "Knitting", ""));

    Run r = h.autoApply("users:\n  " + ADELE + ":\n    interests:\n      Hiking: {}\n");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("No changes.");
    h.verifyOnlyReads();
  }

  @Test
  void withPruneATenantOnlyInterestIsDeletedAtItsId() {
    h.list(INTERESTS, interest("i-1", "Hiking", ""), interest("i-2", "Knitting", ""));
    h.deleteOk(INTERESTS + "/i-2");

    Run r = h.autoApplyAllowingDestructive("users:\n  " + ADELE + ":\n    interests:\n      Hiking: {}\nprune: [users.interests]\n");

    assertThat(r.exit()).as(r.err()).isZero();
    h.verifyDelete(INTERESTS + "/i-2");
    assertThat(h.requests().stream().filter(q -> !q.getMethod().getName().equals("GET"))).hasSize(1);
    assertThat(r.out()).contains("Plan: 0 to create, 0 to update, 1 to delete, 1 unchanged.");
  }

  @Test
  void guestUpnIsEncodedSoItsHashDoesNotCutThePath() {
    String guest = "adele_contoso.com#EXT#@fabrikam.onmicrosoft.com";
    String path = "/users/adele_contoso.com%23EXT%23@fabrikam.onmicrosoft.com/profile/interests";
    h.list(path, interest("g-1", "Hiking", "\"categories\":[\"Outdoors\"]"));
    h.patchOk(path + "/g-1");

    Run r = h.autoApply("users:\n  " + guest + ":\n    interests:\n      Hiking:\n        categories: [Trails]\n");

    assertThat(r.exit()).as(r.err()).isZero();
    h.verifyPatch(path + "/g-1", "{\"categories\":[\"Trails\"]}");
    assertThat(r.out()).contains("users[\"" + guest + "\"].interests[\"Hiking\"]");
  }
}
