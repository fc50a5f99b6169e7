package org.settingsreconciler.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.settingsreconciler.e2e.WireHarness.ENTRA_SOURCE;
import static org.settingsreconciler.e2e.WireHarness.ENTRA_URL;
import static org.settingsreconciler.e2e.WireHarness.PROPERTY_SETTINGS;
import static org.settingsreconciler.e2e.WireHarness.SOURCES;
import static org.settingsreconciler.e2e.WireHarness.graphError;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.e2e.WireHarness.Run;
import tools.jackson.databind.JsonNode;

/**
 * What goes on the wire for profile sources: a source is addressed by its alternate key,
 * {@code profileSources(sourceId='...')}; its create goes before the precedence list that names it, and its delete
 * after the list that stops naming it, each only once the other was answered (never in one batch with it); a failed
 * create keeps the list from being written; a list naming a source that exists nowhere sends no write at all.
 */
class ProfileSourcesWireTest {

  @RegisterExtension static WireMockExtension wm = WireHarness.server();

  private static final String LEGACY = SOURCES + "(sourceId='legacyhr1')";
  private static final String LEGACY_URL =
      "https://graph.microsoft.com/beta/admin/people/profileSources(sourceId='legacyhr1')";
  private static final String WORKDAY_URL =
      "https://graph.microsoft.com/beta/admin/people/profileSources(sourceId='workday1')";
  private static final String PRECEDENCE = PROPERTY_SETTINGS + "/pps-0";

  /** workday1 takes legacyhr1's place in the precedence, and legacyhr1 is pruned. */
  private static final String REPLACING = """
      people:
        profileSources:
          workday1:
            displayName: Workday
            kind: Workday
        profilePropertySettings:
          sourcePrecedence:
            prioritizedSourceUrls:
              - "%s"
              - "%s"
      prune:
        - people.profileSources
      """.formatted(WORKDAY_URL, ENTRA_URL);

  @TempDir Path dir;

  private WireHarness h;

  @BeforeEach
  void tenant() {
    h = new WireHarness(wm, dir);
    h.list(SOURCES, ENTRA_SOURCE, "{\"id\":\"l-1\",\"sourceId\":\"legacyhr1\",\"kind\":\"Custom\","
        + "\"displayName\":\"Legacy HR\",\"webUrl\":null,\"localizations\":[]}");
    h.list(PROPERTY_SETTINGS, "{\"id\":\"pps-0\",\"name\":null,\"displayName\":null,\"prioritizedSourceUrls\":[\""
        + LEGACY_URL + "\",\"" + ENTRA_URL + "\"]}");
  }

  /** The writes that reached Graph, as "METHOD path" (version left out), oldest first. */
  private List<String> writes() {
    List<String> out = new ArrayList<>();
    for (LoggedRequest r : h.requests()) {
      if (!r.getMethod().getName().equals("GET")) {
        out.add(r.getMethod().getName() + " " + r.getUrl().substring(WireHarness.ROOT.length()));
      }
    }
    return out;
  }

  /** The requests of each batch, as "METHOD url". */
  private List<List<String>> batched() {
    List<List<String>> out = new ArrayList<>();
    for (LoggedRequest b : h.batches()) {
      List<String> items = new ArrayList<>();
      WireHarness.JSON.readTree(b.getBodyAsString()).get("requests")
          .forEach(i -> items.add(i.get("method").asString() + " " + i.get("url").asString()));
      out.add(items);
    }
    return out;
  }

  @Test
  void theSourceIsCreatedFirstAndTheOldOneDeletedLastEachAloneInItsRoundTrip() {
    h.postCreated(SOURCES);
    h.patchOk(PRECEDENCE);
    h.deleteOk(LEGACY);

    Run r = h.autoApplyAllowingDestructive(REPLACING);

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(writes()).containsExactly("POST " + SOURCES, "PATCH " + PRECEDENCE, "DELETE " + LEGACY);
    h.verifyPost(SOURCES, "{\"sourceId\":\"workday1\",\"displayName\":\"Workday\",\"kind\":\"Workday\"}");
    h.verifyPatch(PRECEDENCE, "{\"prioritizedSourceUrls\":[\"" + WORKDAY_URL + "\",\"" + ENTRA_URL + "\"]}");
    for (List<String> batch : batched()) {
      long writes = batch.stream().filter(i -> !i.startsWith("GET ")).count();
      assertThat(writes).as("a write shares no batch with what it depends on: " + batch).isLessThanOrEqualTo(1);
    }
  }

  @Test
  void aFailedCreateKeepsTheListThatNamesItFromBeingWritten() {
    wm.stubFor(post(urlEqualTo(WireHarness.ROOT + SOURCES))
        .willReturn(graphError(500, "generalException", null, "req-500", true)));
    h.get(WireHarness.PRONOUNS, "{\"isEnabledInOrganization\":false}");
    h.patchOk(WireHarness.PRONOUNS);

    Run r = h.autoApply("""
        people:
          pronouns:
            isEnabledInOrganization: true
          profileSources:
            workday1:
              kind: Workday
          profilePropertySettings:
            sourcePrecedence:
              prioritizedSourceUrls:
                - "%s"
        """.formatted(WORKDAY_URL));

    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(writes()).containsExactlyInAnyOrder("POST " + SOURCES, "PATCH " + WireHarness.PRONOUNS);
    assertThat(r.out() + r.err()).contains("not sent: it depends on the POST of people.profileSources[\"workday1\"] working, "
        + "and that failed");
  }

  @Test
  void aListNamingASourceThatExistsNowhereSendsNoWriteAtAll() {
    h.get(WireHarness.PRONOUNS, "{\"isEnabledInOrganization\":false}");
    Path desired = h.yaml("desired.yaml", """
        people:
          pronouns:
            isEnabledInOrganization: true
          profilePropertySettings:
            sourcePrecedence:
              prioritizedSourceUrls:
                - "https://graph.microsoft.com/beta/admin/people/profileSources(sourceId='nohr1')"
        """);

    Run r = h.graph("apply", desired.toString(), "--auto-approve");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains(desired + ":7:11: people.profilePropertySettings[\"sourcePrecedence\"]"
        + ".prioritizedSourceUrls[0]: names people.profileSources[\"nohr1\"], which is neither in the YAML nor in "
        + "the tenant");
    h.verifyOnlyReads();
  }

  @Test
  void aSourceIsPatchedByItsAlternateKeyWithoutItsSourceId() {
    h.patchOk(LEGACY);

    Run r = h.autoApply("""
        people:
          profileSources:
            legacyhr1:
              displayName: HR (old)
              localizations:
                - languageTag: de
                  displayName: Personal (alt)
        """);

    assertThat(r.exit()).as(r.err()).isZero();
    h.verifyPatch(LEGACY, "{\"displayName\":\"HR (old)\",\"localizations\":[{\"languageTag\":\"de\","
        + "\"displayName\":\"Personal (alt)\"}]}");
    assertThat(writes()).containsExactly("PATCH " + LEGACY);
  }

  @Test
  void rollingBackUndoesTheListBeforeDeletingTheSourceItNamed() {
    h.postCreated(SOURCES);
    h.objectShowingPatch(WireHarness.PRONOUNS, "{\"isEnabledInOrganization\":false}",
        "{\"isEnabledInOrganization\":true}");
    h.patchFailsFromNowOn(WireHarness.PRONOUNS, graphError(500, "generalException", null, "req-500", true));
    h.patchOk(PRECEDENCE);
    h.deleteOk(SOURCES + "(sourceId='workday1')");

    Run r = h.graph("apply", h.yaml("desired.yaml", """
        people:
          pronouns:
            isEnabledInOrganization: true
          profileSources:
            workday1:
              kind: Workday
          profilePropertySettings:
            sourcePrecedence:
              prioritizedSourceUrls:
                - "%s"
                - "%s"
                - "%s"
        """.formatted(WORKDAY_URL, LEGACY_URL, ENTRA_URL)).toString(), "--auto-approve", "--no-verify",
        "--rollback-on-failure");

    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
    List<String> writes = writes();
    assertThat(writes).as(r.out()).containsSubsequence("POST " + SOURCES, "PATCH " + PRECEDENCE, "PATCH " + PRECEDENCE,
        "DELETE " + SOURCES + "(sourceId='workday1')");
    for (List<String> batch : batched()) {
      assertThat(batch.stream().anyMatch(i -> i.startsWith("DELETE ")) && batch.stream().anyMatch(
          i -> i.equals("PATCH " + PRECEDENCE))).as("the delete waits for the list's answer: " + batch).isFalse();
    }
    List<JsonNode> patches = h.patchesTo(PRECEDENCE);
    assertThat(patches).hasSize(2);
    assertThat(patches.get(1)).as("the list back as it was")
        .isEqualTo(WireHarness.JSON.readTree("{\"prioritizedSourceUrls\":[\"" + LEGACY_URL + "\",\"" + ENTRA_URL
            + "\"]}"));
  }
}
