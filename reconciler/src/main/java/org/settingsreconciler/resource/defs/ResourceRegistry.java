package org.settingsreconciler.resource.defs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.settingsreconciler.resource.Scope;
import org.settingsreconciler.resource.ResourceDescriptor;

/** Every managed resource type, in the order plans list them. */
public final class ResourceRegistry {

  private static final List<ResourceDescriptor> ALL =
      List.of(
          EnhancedPersonalization.DESCRIPTOR,
          LimitedMode.DESCRIPTOR,
          CopilotPolicySettings.DESCRIPTOR,
          CopilotAgents.DESCRIPTOR,
          PeopleToggles.PRONOUNS,
          PeopleToggles.NAME_PRONUNCIATION,
          PeopleToggles.ITEM_INSIGHTS,
          PeopleToggles.PHOTO_UPDATE_SETTINGS,
          // Before the settings whose precedence lists name them: a source is created before a list names it.
          ProfileSources.DESCRIPTOR,
          ProfilePropertySettings.DESCRIPTOR,
          ProfileCardProperties.DESCRIPTOR,
          OrganizationSettings.PEOPLE_INSIGHTS,
          OrganizationSettings.CONTACT_INSIGHTS,
          OrganizationSettings.MICROSOFT_APPLICATION_DATA_ACCESS,
          PersonInterests.DESCRIPTOR,
          // A user's settings before what Graph nests in them: export writes the object that holds the nested one.
          UserSettings.SETTINGS,
          UserSettings.ITEM_INSIGHTS);

  private static final Map<String, ResourceDescriptor> BY_TYPE = new LinkedHashMap<>();

  static {
    ALL.forEach(d -> BY_TYPE.put(d.type(), d));
  }

  private ResourceRegistry() {}

  public static List<ResourceDescriptor> all() {
    return ALL;
  }

  public static Optional<ResourceDescriptor> byType(String type) {
    return Optional.ofNullable(BY_TYPE.get(type));
  }

  /** The position of a type in plans, so that output order never depends on YAML or tenant order. */
  public static int order(ResourceDescriptor d) {
    return ALL.indexOf(d);
  }

  public static List<ResourceDescriptor> userScoped() {
    return ALL.stream().filter(d -> d.scope() == Scope.USER).toList();
  }

  /**
   * The resources Graph nests in {@code d}'s object, which the YAML nests in its object too: their types are
   * {@code d}'s and one more segment ({@code users.settings.itemInsights} in {@code users.settings}).
   */
  public static List<ResourceDescriptor> nestedIn(ResourceDescriptor d) {
    String prefix = d.type() + ".";
    return ALL.stream()
        .filter(n -> n.type().startsWith(prefix) && n.type().indexOf('.', prefix.length()) < 0)
        .toList();
  }

  public static List<ResourceDescriptor> tenantScoped() {
    return ALL.stream().filter(d -> d.scope() == Scope.TENANT).toList();
  }
}
