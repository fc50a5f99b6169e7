package org.settingsreconciler.resolve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.settingsreconciler.graph.GraphClient;
import org.settingsreconciler.graph.GraphException;
import org.settingsreconciler.load.ConfigError;
import org.settingsreconciler.model.DesiredResource;
import org.settingsreconciler.model.DesiredState;
import org.settingsreconciler.model.ValueOrigin;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The stage between loading and planning that turns {@code {group: "<display name>"}} into the group's id. Every
 * distinct name is looked up once per run, in as few requests as Graph allows. A name must match exactly one group:
 * none or several is an error naming what was found, so a typo or a duplicate name never sends the wrong id. The
 * resolved value keeps its name as origin, so plans can show both. A lookup that fails is not a name that did not
 * resolve: it stops the run as {@link GroupLookupException}.
 */
public final class GroupResolver {

  private final GroupDirectory directory;

  public GroupResolver(GraphClient client) {
    this.directory = new GroupDirectory(client);
  }

  /** The desired state with every group name replaced by its id; unchanged when it names no group. */
  public DesiredState resolve(DesiredState state) {
    List<GroupReference> refs = GroupReference.in(state);
    if (refs.isEmpty()) {
      return state;
    }
    Map<String, List<DirectoryGroup>> found;
    try {
      found = directory.byNames(refs.stream().map(GroupReference::name).toList());
    } catch (GraphException e) {
      throw new GroupLookupException(refs.stream().map(GroupReference::name).distinct().toList(), e.error());
    }
    List<ConfigError> errors = new ArrayList<>();
    Map<DesiredResource, Map<String, DirectoryGroup>> resolved = new LinkedHashMap<>();
    for (GroupReference ref : refs) {
      List<DirectoryGroup> matches = found.getOrDefault(ref.name(), List.of());
      if (matches.size() == 1) {
        resolved.computeIfAbsent(ref.resource(), r -> new LinkedHashMap<>()).put(ref.property(), matches.get(0));
      } else {
        errors.add(error(ref, matches.isEmpty() ? notFound(ref) : ambiguous(ref, matches)));
      }
    }
    if (!errors.isEmpty()) {
      throw new UnresolvedGroupsException(errors);
    }
    List<DesiredResource> resources = new ArrayList<>();
    for (DesiredResource r : state.resources()) {
      Map<String, DirectoryGroup> groups = resolved.get(r);
      resources.add(groups == null ? r : withIds(r, groups));
    }
    return new DesiredState(resources, state.collections());
  }

  private static DesiredResource withIds(DesiredResource r, Map<String, DirectoryGroup> groups) {
    ObjectNode properties = r.properties().deepCopy();
    Map<String, ValueOrigin> origins = new HashMap<>(r.propertyOrigins());
    groups.forEach(
        (property, group) -> {
          properties.set(property, JsonNodeFactory.instance.stringNode(group.id()));
          String name = GroupReference.nameIn(
              r.id().descriptor().property(property).orElseThrow(), r.properties().get(property));
          origins.put(property, ValueOrigin.resolvedGroup(origins.get(property), name));
        });
    return new DesiredResource(r.id(), properties, r.location(), r.propertyLocations(), Map.copyOf(origins));
  }

  private static String notFound(GroupReference ref) {
    return "no Entra group is named \"" + ref.name() + "\" (found none; names match ignoring case). "
        + "Check the name, or write the group's id instead";
  }

  private static String ambiguous(GroupReference ref, List<DirectoryGroup> matches) {
    return matches.size() + " Entra groups are named \"" + ref.name() + "\": "
        + String.join(", ", matches.stream().map(DirectoryGroup::toString).toList())
        + ". Write the id of the one you mean instead";
  }

  private static ConfigError error(GroupReference ref, String message) {
    return new ConfigError(ref.at(), ref.key(), message);
  }
}
