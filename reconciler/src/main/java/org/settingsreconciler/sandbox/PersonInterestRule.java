package org.settingsreconciler.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A user's interests (graph-api.md 5), an itemFacet: the server stamps who created and last changed an item and
 * when, defaults allowedAudiences to "organization", accepts inference and source on create only, and knows the
 * collaborationTags and allowedAudiences enums.
 */
final class PersonInterestRule implements ServerRule {

  private static final Set<String> COLLABORATION_TAGS =
      Set.of("askMeAbout", "ableToMentor", "wantsToLearn", "wantsToImprove");
  private static final Set<String> AUDIENCES =
      Set.of(
          "me",
          "family",
          "contacts",
          "groupMembers",
          "organization",
          "federatedOrganizations",
          "everyone",
          "unknownFutureValue");

  @Override
  public Set<String> createOnlyProperties() {
    return Set.of("inference", "source");
  }

  @Override
  public Set<String> serverProperties() {
    return Set.of("createdBy", "createdDateTime", "lastModifiedBy", "lastModifiedDateTime");
  }

  @Override
  public void checkBody(ObjectNode body, ObjectNode before) {
    JsonNode tags = body.get("collaborationTags");
    if (tags != null && tags.isArray()) {
      for (JsonNode tag : tags) {
        if (tag.isString() && !COLLABORATION_TAGS.contains(tag.asString())) {
          throw GraphErrors.invalidRequest(
              "The value '" + tag.asString() + "' of property 'collaborationTags' is not supported. Supported "
                  + "values: askMeAbout, ableToMentor, wantsToLearn, wantsToImprove.");
        }
      }
    }
    JsonNode audiences = body.get("allowedAudiences");
    if (audiences != null && audiences.isString()) {
      // A flags enum: a comma-separated combination of members.
      for (String member : audiences.asString().split(",")) {
        if (!AUDIENCES.contains(member.trim())) {
          throw GraphErrors.invalidRequest(
              "The value '" + audiences.asString() + "' of property 'allowedAudiences' is not valid.");
        }
      }
    }
    for (String name : List.of("inference", "source")) {
      JsonNode value = body.get(name);
      if (value != null && !value.isNull() && !value.isObject()) {
        throw GraphErrors.invalidRequest("The property '" + name + "' must be an object or null.");
      }
    }
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
