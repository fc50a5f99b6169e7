package org.settingsreconciler.sandbox;

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

/** Every descriptor in the registry is served, at the paths ResourceId builds, with its declared properties. */
class RegistryCoverageTest {

  @Test
  void everyDescriptorIsServedWithItsProperties() throws IOException {
    try (GraphSandbox sandbox = GraphSandbox.start(0, null, null)) {
      SandboxClient client = new SandboxClient(sandbox);
      for (ResourceDescriptor d : ResourceRegistry.all()) {
        // In every version it exists in: paths are absolute, version first.
        for (GraphVersion v : d.versions()) {
          String user = d.scope() == org.settingsreconciler.resource.Scope.USER ? "adele.vance@contoso.com" : null;
          String path = sandbox.baseUrl() + ResourceId.basePath(d, user, VersionChoice.pinnedTo(v));
          JsonNode object = switch (d.shape()) {
            case SINGLETON -> unwrap(client.get(path));
            case FIXED_IDS -> client.get(path + "/" + ResourceId.segment(d.fixedIds().get(0))).body();
            case COLLECTION -> client.get(path).body().get("value").get(0);
          };
          assertThat(object.get("@odata.type").asString()).as(d.type() + " in " + v).isEqualTo(d.odataType());
          d.properties().forEach(p -> assertThat(object.has(p.name())).as(d.type() + "." + p.name()).isTrue());
        }
      }
    }
  }

  private static JsonNode unwrap(Reply r) {
    assertThat(r.status()).isEqualTo(200);
    return r.body().has("value") ? r.body().get("value") : r.body();
  }
}
