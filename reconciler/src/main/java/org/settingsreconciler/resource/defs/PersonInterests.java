package org.settingsreconciler.resource.defs;

import static org.settingsreconciler.resource.ValueKind.STRING;
import static org.settingsreconciler.resource.ValueKind.STRING_SET;

import org.settingsreconciler.resource.Access;
import org.settingsreconciler.graph.GraphVersion;
import org.settingsreconciler.resource.CollectionKey;
import org.settingsreconciler.resource.Permissions;
import org.settingsreconciler.resource.PropertySpec;
import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.resource.ValueComparator;

/**
 * A user's interests (docs/graph-facts.md section 5). Graph makes the ids, so YAML keys interests by displayName,
 * matched
 * ignoring case.
 */
public final class PersonInterests {

  public static final ResourceDescriptor DESCRIPTOR =
      ResourceDescriptor.builder("users.interests")
          .title("Person interest")
          .collection("/users/{user}/profile/interests", new CollectionKey("displayName", true, null, false))
          .versions(GraphVersion.BETA)
          .perUser()
          .odataType("#microsoft.graph.personInterest")
          .property(PropertySpec.of("categories", STRING_SET))
          .property(PropertySpec.of("collaborationTags", STRING_SET))
          .property(PropertySpec.of("description", STRING))
          .property(PropertySpec.of("webUrl", STRING))
          // A flags enum (microsoft.graph.allowedAudiences, isFlags): its members in any order are one value. Graph
          // sets a new interest's to organization when given none, so a null in the YAML means Graph's choice.
          .property(PropertySpec.of("allowedAudiences", STRING)
              .comparedWith(((ValueComparator) ValueComparator::sameFlags).orGraphsDefaultWhenNull()))
          // Other users' profiles: the .All permissions. App-only writes are contradicted by the current published
          // pages: plan for delegated writes (docs/permissions.md).
          .permissions(
              Permissions.of(
                  Access.delegatedOrApp("User.Read.All", Access.NO_ROLE),
                  Access.delegatedOnly("User.ReadWrite.All", Access.NO_ROLE),
                  Access.delegatedOnly("User.ReadWrite.All", Access.NO_ROLE),
                  Access.delegatedOnly("User.ReadWrite.All", Access.NO_ROLE)))
          .schema("resources/users.interests.schema.json")
          .build();

  private PersonInterests() {}
}
