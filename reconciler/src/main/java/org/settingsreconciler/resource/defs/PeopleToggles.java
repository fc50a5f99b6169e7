package org.settingsreconciler.resource.defs;

import static org.settingsreconciler.resource.ValueKind.BOOLEAN;
import static org.settingsreconciler.resource.ValueKind.GROUP_ID;
import static org.settingsreconciler.resource.ValueKind.STRING;
import static org.settingsreconciler.resource.ValueKind.STRING_SET;

import org.settingsreconciler.resource.Access;
import org.settingsreconciler.graph.GraphVersion;
import org.settingsreconciler.resource.Permissions;
import org.settingsreconciler.resource.PropertySpec;
import org.settingsreconciler.resource.ResourceDescriptor;

/** The People admin singletons under /admin/people (docs/graph-facts.md sections 6.1, 6.2, 6.3 and 6.5). */
public final class PeopleToggles {

  private static final Access READ = Access.delegatedOrApp("PeopleSettings.Read.All", Access.NO_ROLE);
  private static final String WRITE = "PeopleSettings.ReadWrite.All";

  public static final ResourceDescriptor PRONOUNS =
      ResourceDescriptor.builder("people.pronouns")
          .title("Pronouns")
          .singleton("/admin/people/pronouns")
          .versions(GraphVersion.V1_0, GraphVersion.BETA)
          .odataType("#microsoft.graph.pronounsSettings")
          .property(PropertySpec.of("isEnabledInOrganization", BOOLEAN))
          .permissions(Permissions.of(READ, Access.delegatedOrApp(WRITE, "Global Administrator")))
          .schema("resources/people.pronouns.schema.json")
          .build();

  public static final ResourceDescriptor NAME_PRONUNCIATION =
      ResourceDescriptor.builder("people.namePronunciation")
          .title("Name pronunciation")
          .singleton("/admin/people/namePronunciation")
          .versions(GraphVersion.BETA)
          .odataType("#microsoft.graph.namePronunciationSettings")
          .property(PropertySpec.of("isEnabledInOrganization", BOOLEAN))
          .permissions(Permissions.of(READ, Access.delegatedOrApp(WRITE, "People Administrator")))
          .getWrappedInValue() // beta namepronunciationsettings-get.md (docs/metadata-differences.md, GET envelopes)
          .schema("resources/people.namePronunciation.schema.json")
          .build();

  public static final ResourceDescriptor ITEM_INSIGHTS =
      ResourceDescriptor.builder("people.itemInsights")
          .title("Item insights")
          .singleton("/admin/people/itemInsights")
          .versions(GraphVersion.V1_0, GraphVersion.BETA)
          .odataType("#microsoft.graph.insightsSettings")
          .property(PropertySpec.of("isEnabledInOrganization", BOOLEAN)) // Edm.Boolean, nullable in the metadata
          .property(PropertySpec.of("disabledForGroup", GROUP_ID))
          .permissions(Permissions.of(READ, Access.delegatedOrApp(WRITE, "Global Administrator")))
          .schema("resources/people.itemInsights.schema.json")
          .build();

  public static final ResourceDescriptor PHOTO_UPDATE_SETTINGS =
      ResourceDescriptor.builder("people.photoUpdateSettings")
          .title("Photo update settings")
          .singleton("/admin/people/photoUpdateSettings")
          .versions(GraphVersion.BETA)
          .odataType("#microsoft.graph.photoUpdateSettings")
          .property(PropertySpec.of("allowedRoles", STRING_SET))
          // "source" is documented but missing from the production metadata (2026-08): managed only if set.
          .property(PropertySpec.of("source", STRING))
          .permissions(Permissions.of(READ, Access.delegatedOrApp(WRITE, "People Administrator")))
          .getWrappedInValue() // beta photoupdatesettings-get.md (docs/metadata-differences.md, GET envelopes)
          .schema("resources/people.photoUpdateSettings.schema.json")
          .build();

  private PeopleToggles() {}
}
