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
          ProfilePropertySettings.DESCRIPTOR,
          ProfileCardProperties.DESCRIPTOR,
          PersonInterests.DESCRIPTOR);

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

  public static List<ResourceDescriptor> tenantScoped() {
    return ALL.stream().filter(d -> d.scope() == Scope.TENANT).toList();
  }
}
