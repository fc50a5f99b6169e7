package org.settingsreconciler.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.resource.ResourceId;
import org.settingsreconciler.resource.defs.ResourceRegistry;
import org.settingsreconciler.sandbox.SandboxClient.Reply;
import tools.jackson.databind.JsonNode;

/**
 * The sandbox answers every single GET in the form Microsoft's page shows for it (docs/metadata-differences.md, "GET
 * envelopes"; the descriptor's getWrappedInValue): {@code {"@odata.context", "value": {...}}} or the bare object.
 */
class GetEnvelopesTest extends FreshSandbox {

  /** An item for a collection the tenant holds none of, as the docs' create examples write them. */
  private static final Map<String, String> FIRST_ITEM = Map.of(
      "people.profileCardProperties", "{\"directoryPropertyName\":\"CustomAttribute1\"}",
      "people.profilePropertySettings",
      "{\"displayName\":\"Skills\",\"name\":\"Skills\",\"prioritizedSourceUrls\":[\"https://graph.microsoft.com/beta/admin/people/profileSources"
          + "(sourceId='contosohr1')\"]}");

  @Test
  void everyTenantObjectIsAnsweredInTheFormItsDocsShow() {
    for (ResourceDescriptor d : ResourceRegistry.tenantScoped()) {
      String path = switch (d.shape()) {
        case SINGLETON -> OwnOrganization.path(client, d);
        case FIXED_IDS -> d.path() + "/" + d.fixedIds().get(0);
        case COLLECTION -> {
          JsonNode item = client.get(d.path()).body().path("value").path(0);
          if (item.isMissingNode()) {
            Reply created = client.post(d.path(), FIRST_ITEM.get(d.type()));
            assertThat(created.status()).as(d.type() + " create").isEqualTo(201);
            item = created.body();
          }
          String id = (d.key().idIsKey() ? item.get(d.key().property()) : item.get("id")).asString();
          // An alternate key names the item in the list's own segment: profileSources(sourceId='...').
          yield d.key().alternateKey() ? d.path() + ResourceId.alternateKey(d.key().property(), id)
              : d.path() + "/" + id;
        }
        case CATALOG -> d.path() + "/" + client.get(d.path()).body().path("value").path(0).path("id").asString();
      };

      Reply r = client.get(path);

      assertThat(r.status()).as(path).isEqualTo(200);
      JsonNode object = d.getWrappedInValue() ? r.body().get("value") : r.body();
      assertThat(object.path("@odata.type").asString()).as(path + " in its documented form").isEqualTo(d.odataType());
      if (d.getWrappedInValue()) {
        assertThat(r.body().propertyNames()).as(path).containsExactlyInAnyOrder("@odata.context", "value");
      }
    }
  }
}
