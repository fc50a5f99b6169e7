package org.settingsreconciler.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.settingsreconciler.metadata.GraphMetadata;
import org.settingsreconciler.resource.PropertySpec;
import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.resource.defs.ResourceRegistry;
import org.settingsreconciler.resource.Shape;
import org.settingsreconciler.sandbox.SandboxClient.Reply;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sandbox takes and refuses written values by the same facts as Microsoft's metadata (the slice in
 * src/main/resources/metadata/, which MetadataConformanceTest holds the descriptors and schemas against): null
 * exactly where a property is nullable, enum members, and the properties of complex values.
 */
class MetadataRulesTest extends FreshSandbox {

  private static final GraphMetadata BETA = GraphMetadata.load("beta");

  /** Every managed property of every tenant object, written as null: refused exactly where the metadata says so. */
  @Test
  void nullIsTakenExactlyWhereTheMetadataSaysNullable() {
    List<String> wrong = new ArrayList<>();
    for (ResourceDescriptor d : ResourceRegistry.tenantScoped()) {
      if (d.shape() == Shape.COLLECTION) {
        continue;
      }
      String base = OwnOrganization.path(client, d);
      String path = switch (d.shape()) {
        case SINGLETON -> base;
        case FIXED_IDS -> base + "/" + d.fixedIds().get(0);
        default -> base + "/" + client.get(base).body().path("value").path(0).path("id").asString();
      };
      var properties = BETA.properties(d.odataType().substring(1));
      for (PropertySpec p : d.properties()) {
        var typed = properties.get(p.name());
        if (typed == null || d.setByAction(p.name())) {
          // Not in the metadata (photoUpdateSettings.source): its own rule judges it. Or set by an action, never by
          // PATCH (an agent's isBlocked, ownerId): refused as read-only whatever its value.
          continue;
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        for (PropertySpec required : d.properties()) {
          if (required.requiredInPatch() && !required.name().equals(p.name())) {
            if (required.kind() == org.settingsreconciler.resource.ValueKind.BOOLEAN) {
              body.put(required.name(), true);
            } else {
              body.put(required.name(), "1");
            }
          }
        }
        body.putNull(p.name());

        Reply r = client.patch(path, body.toString());

        int expected = typed.nullable() ? 200 : 400;
        if (r.status() != expected) {
          wrong.add(d.type() + "." + p.name() + " (nullable " + typed.nullable() + "): " + r.status() + " " + r.body());
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void aCardPropertysAnnotationsAreCheckedAgainstTheirComplexTypes() {
    String card = "/admin/people/profileCardProperties";
    Reply unknown = client.post(card, "{\"directoryPropertyName\":\"Fax\",\"annotations\":[{\"label\":\"Fax\"}]}");
    Reply badTag = client.post(card, "{\"directoryPropertyName\":\"Fax\",\"annotations\":[{\"displayName\":\"Fax\","
        + "\"localizations\":[{\"languageTag\":7,\"displayName\":\"Telefax\"}]}]}");
    Reply hidden = client.post(card, "{\"directoryPropertyName\":\"Fax\",\"isVisible\":null}");
    Reply good = client.post(card, "{\"directoryPropertyName\":\"Fax\",\"annotations\":[{\"displayName\":null,"
        + "\"localizations\":[{\"languageTag\":\"x-klingon\",\"displayName\":\"\"}]}]}");

    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.errorMessage())
        .contains("'label' does not exist on type 'microsoft.graph.profileCardAnnotation'");
    assertThat(badTag.status()).isEqualTo(400);
    assertThat(badTag.errorMessage()).contains("annotations[0].localizations[0].languageTag");
    assertThat(hidden.status()).as("isVisible is not nullable").isEqualTo(400);
    assertThat(good.status()).as(String.valueOf(good.body())).isEqualTo(201);
  }

  @Test
  void anAudienceIsAMemberOfTheMetadatasFlagsEnumOrSeveralJoinedByCommas() {
    String interests = "/users/adele.vance@contoso.com/profile/interests";
    for (String member : BETA.enumType("microsoft.graph.allowedAudiences").members()) {
      assertThat(client.post(interests, "{\"displayName\":\"Go\",\"allowedAudiences\":\"" + member + "\"}").status())
          .as(member).isEqualTo(201);
    }
    assertThat(client.post(interests, "{\"displayName\":\"Go\",\"allowedAudiences\":\"me,everyone\"}").status())
        .isEqualTo(201);
    Reply friends = client.post(interests, "{\"displayName\":\"Go\",\"allowedAudiences\":\"me,friends\"}");
    assertThat(friends.status()).isEqualTo(400);
    assertThat(friends.body().at("/error/code").asString()).isNotEmpty();
    assertThat(friends.errorMessage()).contains("allowedAudiences").contains("me,friends");
  }
}
