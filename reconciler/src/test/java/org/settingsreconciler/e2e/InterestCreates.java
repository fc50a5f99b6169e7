package org.settingsreconciler.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.settingsreconciler.sandbox.GraphSandbox;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo tenant plus one user with no interests, and YAML in {@code dir} that gives them {@code creates}: an apply
 * of it sends that many creates, which is what the pacing tests throttle.
 *
 * @param seed the tenant, to start a sandbox with (or load again before each run)
 * @param desired the YAML file
 */
record InterestCreates(ObjectNode seed, Path desired) {

  static InterestCreates of(String upn, String id, int creates, Path dir) throws IOException {
    ObjectNode seed = (ObjectNode) GraphSandbox.demoTenant();
    ObjectNode user = ((ObjectNode) seed.get("users")).putObject(upn);
    user.put("id", id);
    user.put("displayName", upn.substring(0, upn.indexOf('@')));
    user.putArray("interests");
    StringBuilder yaml = new StringBuilder("users:\n  " + upn + ":\n    interests:\n");
    for (int i = 1; i <= creates; i++) {
      yaml.append("      Topic ").append(i).append(":\n        categories: [Rate]\n");
    }
    return new InterestCreates(seed, Files.writeString(dir.resolve("desired.yaml"), yaml));
  }
}
