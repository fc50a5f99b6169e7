package org.settingsreconciler.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The sandbox guide lists the demo tenant's groups and users as the demo tenant has them, for YAML to name. */
class DemoTenantGuideTest {

  @Test
  void guideListsEveryGroupAndUserOfTheDemoTenant() throws IOException {
    JsonNode demo = JsonMapper.builder().build()
        .readTree(Files.readString(Path.of("../examples/sandbox/demo-tenant.json")));
    String guide = Files.readString(Path.of("../docs/guides/sandbox.md"));
    for (JsonNode group : demo.get("groups")) {
      assertThat(guide)
          .contains("| " + group.get("displayName").asString() + " | `" + group.get("id").asString() + "` |");
    }
    for (String upn : demo.get("users").propertyNames()) {
      assertThat(guide)
          .contains("| `" + upn + "` | " + demo.get("users").get(upn).get("displayName").asString() + " |");
    }
  }
}
