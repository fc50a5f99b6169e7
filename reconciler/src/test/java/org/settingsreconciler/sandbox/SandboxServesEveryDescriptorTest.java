package org.settingsreconciler.sandbox;

import org.settingsreconciler.metadata.GraphMetadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.settingsreconciler.graph.GraphVersion;
import org.settingsreconciler.graph.VersionChoice;
import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.resource.ResourceId;
import org.settingsreconciler.resource.defs.ResourceRegistry;
import org.settingsreconciler.sandbox.SandboxClient.Reply;
import tools.jackson.databind.JsonNode;

/**
 * The tool's descriptors and the sandbox's endpoints are written apart (the sandbox's from Microsoft's docs and
 * metadata, see sandbox/Endpoints), so this holds them side by side: every descriptor is served, at the paths
 * ResourceId builds, in exactly the versions it declares, with its declared properties and type.
 */
class SandboxServesEveryDescriptorTest {

  @Test
  void everyDescriptorIsServedWithItsProperties() throws IOException {
    try (GraphSandbox sandbox = GraphSandbox.start(0, null, null)) {
      SandboxClient client = new SandboxClient(sandbox);
      // The tenant's own organization id, as a run learns it, for the paths under the organization object.
      String organization = OwnOrganization.id(client);
      for (ResourceDescriptor d : ResourceRegistry.all()) {
        // In every version it exists in: paths are absolute, version first.
        for (GraphVersion v : d.versions()) {
          String user = d.scope() == org.settingsreconciler.resource.Scope.USER ? "adele.vance@contoso.com" : null;
          String path = sandbox.baseUrl() + ResourceId.basePath(d, user, VersionChoice.pinnedTo(v), () -> organization);
          JsonNode object = switch (d.shape()) {
            case SINGLETON -> unwrap(client.get(path));
            case FIXED_IDS -> client.get(path + "/" + ResourceId.segment(d.fixedIds().get(0))).body();
            case COLLECTION -> client.get(path).body().get("value").get(0);
            // A catalog's list shows less of an item than its GET: the item, as the tool reads it.
            case CATALOG -> client.get(path + "/" + ResourceId.segment(
                client.get(path).body().get("value").get(0).get("id").asString())).body();
          };
          assertThat(object.get("@odata.type").asString()).as(d.type() + " in " + v).isEqualTo(d.odataType());
          d.properties().forEach(p -> assertThat(object.has(p.name())).as(d.type() + "." + p.name()).isTrue());
        }
        // And nowhere else: a version the descriptor leaves out answers as Graph does for a path it lacks. Where
        // Graph has it there after all (copilot.agents: list and get in v1.0, its writes in beta only), leaving it
        // out is the descriptor's choice, which MetadataConformanceTest holds to a row of docs/metadata-differences.md.
        for (GraphVersion v : GraphVersion.values()) {
          boolean graphHasIt = GraphMetadata.load(v.segment()).path(d.path()).map(t -> t.missing() == null)
              .orElse(false);
          if (!d.versions().contains(v) && !graphHasIt) {
            String user = d.scope() == org.settingsreconciler.resource.Scope.USER ? "adele.vance@contoso.com" : null;
            Reply r = client.get(
                sandbox.baseUrl() + ResourceId.basePath(d, user, VersionChoice.pinnedTo(v), () -> organization));
            assertThat(r.status()).as(d.type() + " in " + v).isEqualTo(400);
          }
        }
      }
    }
  }

  private static JsonNode unwrap(Reply r) {
    assertThat(r.status()).isEqualTo(200);
    return r.body().has("value") ? r.body().get("value") : r.body();
  }
}
