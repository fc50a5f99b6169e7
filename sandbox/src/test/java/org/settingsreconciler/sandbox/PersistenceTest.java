package org.settingsreconciler.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** State files, seeds, snapshot and load. */
class PersistenceTest {

  private static final String PRONOUNS = "/admin/people/pronouns";

  @TempDir Path dir;

  @Test
  void stateFileCarriesChangesToTheNextSandbox() throws IOException {
    Path file = dir.resolve("tenant.json");
    try (GraphSandbox first = GraphSandbox.start(0, file, null)) {
      assertThat(new SandboxClient(first).patch(PRONOUNS, "{\"isEnabledInOrganization\":true}").status())
          .isEqualTo(200);
    }
    assertThat(SandboxClient.JSON.readTree(file.toFile()).at("/resources/people.pronouns/isEnabledInOrganization")
        .asBoolean()).isTrue();

    try (GraphSandbox second = GraphSandbox.start(0, file, GraphSandbox.emptyTenant())) {
      assertThat(new SandboxClient(second).get(PRONOUNS).body().get("isEnabledInOrganization").asBoolean())
          .isTrue();
      // The file won over the seed: the demo tenant's users are there.
      assertThat(new SandboxClient(second).get("/users").body().get("value")).hasSize(3);
    }
  }

  @Test
  void runningSandboxesSharingAFileSeeEachOthersWrites() throws IOException {
    Path file = dir.resolve("shared.json");
    try (GraphSandbox a = GraphSandbox.start(0, file, null);
        GraphSandbox b = GraphSandbox.start(0, file, null)) {
      new SandboxClient(a).post("/users/megan.bowen@contoso.com/profile/interests", "{\"displayName\":\"Cycling\"}");

      JsonNode seenByB = new SandboxClient(b).get("/users/megan.bowen@contoso.com/profile/interests").body();

      assertThat(seenByB.get("value")).extracting(n -> n.get("displayName").asString()).containsExactly("Cycling");
    }
  }

  @Test
  void newStateFileStartsFromTheSeedAndLeavesNoTemporaryFiles() throws IOException {
    Path file = dir.resolve("fresh.json");
    try (GraphSandbox s = GraphSandbox.start(0, file, GraphSandbox.emptyTenant())) {
      new SandboxClient(s).patch(PRONOUNS, "{\"isEnabledInOrganization\":true}");
    }
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("fresh.json");
    }
    assertThat(SandboxClient.JSON.readTree(file.toFile()).get("users").size()).isZero();
  }

  @Test
  void failedWritesDoNotTouchTheFile() throws IOException {
    Path file = dir.resolve("tenant.json");
    try (GraphSandbox s = GraphSandbox.start(0, file, null)) {
      byte[] before = Files.readAllBytes(file);
      new SandboxClient(s).patch(PRONOUNS, "{\"isEnabledInOrganization\":\"yes\"}");
      assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }
  }

  @Test
  void snapshotIsADeepCopyInTheSeedFormat() throws IOException {
    try (GraphSandbox s = GraphSandbox.start(0, null, null)) {
      JsonNode snap = s.snapshot();
      ((tools.jackson.databind.node.ObjectNode) snap.at("/resources/people.pronouns"))
          .put("isEnabledInOrganization", true);

      assertThat(s.snapshot().at("/resources/people.pronouns/isEnabledInOrganization").asBoolean()).isFalse();
      assertThat(snap.get("groupScopedPolicySettings").get(0).asString())
          .isEqualTo("microsoft.copilot.imagegeneration");
    }
  }

  @Test
  void loadReplacesTheState() throws IOException {
    try (GraphSandbox s = GraphSandbox.start(0, null, null)) {
      s.load(GraphSandbox.emptyTenant());
      SandboxClient c = new SandboxClient(s);

      assertThat(c.get("/users").body().get("value")).isEmpty();
      assertThat(c.get("/admin/people/profileCardProperties").body().get("value")).isEmpty();
      assertThat(c.get("/copilot/admin/policySettings/microsoft.copilot.imagegeneration").status()).isEqualTo(200);
    }
  }

  @Test
  void emptyTenantHasDocumentedDefaults() {
    JsonNode t = GraphSandbox.emptyTenant();

    assertThat(t.at("/resources/people.pronouns/isEnabledInOrganization").asBoolean()).isFalse();
    assertThat(t.at("/resources/people.itemInsights/isEnabledInOrganization").asBoolean()).isTrue();
    assertThat(t.at("/resources/copilot.limitedMode/isEnabledForGroup").asBoolean()).isFalse();
    assertThat(t.at("/resources/copilot.limitedMode/groupId").isNull()).isTrue();
    assertThat(t.at("/resources/copilot.policySettings/microsoft.copilot.allowwebsearch/value").isNull()).isTrue();
    assertThat(t.at("/resources/people.profilePropertySettings").isArray()).isTrue();
    assertThat(t.get("users").isEmpty()).isTrue();
  }

  @Test
  void handWrittenSeedsMayOmitResourcesAndIds() throws IOException {
    JsonNode seed = SandboxClient.json(
        "{\"users\":{\"pat@contoso.com\":{\"displayName\":\"Pat\",\"interests\":[{\"displayName\":\"Chess\"}]}}}");
    try (GraphSandbox s = GraphSandbox.start(0, null, seed)) {
      SandboxClient c = new SandboxClient(s);
      JsonNode interest = c.get("/users/pat@contoso.com/profile/interests").body().at("/value/0");

      assertThat(interest.get("id").asString()).matches("[0-9a-f-]{36}");
      assertThat(c.get("/admin/people/pronouns").status()).isEqualTo(200);
      assertThat(c.get("/users/pat@contoso.com").body().get("id").asString()).matches("[0-9a-f-]{36}");
    }
  }

  @Test
  void malformedSeedIsRefused() {
    JsonNode seed = SandboxClient.json("{\"resources\":{\"people.pronouns\":[]}}");
    assertThatThrownBy(() -> GraphSandbox.start(0, null, seed))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("people.pronouns");
  }

  @Test
  void demoTenantIsBundled() {
    JsonNode demo = GraphSandbox.demoTenant();

    assertThat(demo.at("/resources/copilot.policySettings/microsoft.copilot.copilotchatpinning/value").asString())
        .isEqualTo("0");
    assertThat(demo.at("/users/adele.vance@contoso.com/interests")).hasSize(2);
  }
}
