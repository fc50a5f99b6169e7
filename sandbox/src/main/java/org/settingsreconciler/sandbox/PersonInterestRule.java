package org.settingsreconciler.sandbox;

import java.time.Instant;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A user's interests (docs/graph-facts.md 5), an itemFacet: the server stamps who created and last changed an item and
 * when, defaults allowedAudiences to "organization", and accepts source on create only (personinterest-update.md
 * lists inference among what an update may change, but not source). What values Graph takes (the allowedAudiences
 * flags enum, the complex inference and source, collaborationTags as any strings, as Microsoft's metadata types them)
 * is judged by {@link MetadataValues}.
 */
final class PersonInterestRule implements ServerRule {

  @Override
  public Set<String> createOnlyProperties() {
    return Set.of("source");
  }

  @Override
  public Set<String> serverProperties() {
    return Set.of("createdBy", "createdDateTime", "lastModifiedBy", "lastModifiedDateTime");
  }

  @Override
  public void complete(Write write) {
    ObjectNode item = write.merged();
    String now = Instant.now().toString();
    ObjectNode by = item.objectNode();
    by.putNull("application");
    by.putNull("device");
    // The sandbox knows no signed-in caller, so changes are attributed to the profile's owner.
    by.putObject("user").put("displayName", SandboxJson.text(write.owner().data().get("displayName")))
        .put("id", write.owner().id());
    if (write.created()) {
      JsonNode audiences = item.get("allowedAudiences");
      if (audiences == null || audiences.isNull()) {
        item.put("allowedAudiences", "organization");
      }
      if (!item.has("inference")) {
        item.putNull("inference");
      }
      item.put("createdDateTime", now);
      item.set("createdBy", by.deepCopy());
    }
    item.put("lastModifiedDateTime", now);
    item.set("lastModifiedBy", by);
  }
}
