package org.settingsreconciler.resolve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.settingsreconciler.graph.GraphClient;
import org.settingsreconciler.graph.GraphException;
import org.settingsreconciler.load.ConfigError;
import org.settingsreconciler.model.DesiredResource;
import org.settingsreconciler.model.DesiredState;
import org.settingsreconciler.model.ValueOrigin;
import org.settingsreconciler.resource.UsersAndGroups;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The stage between loading and planning that turns names into ids: {@code {group: "<display name>"}} into the
 * group's id, {@code {user: "<user principal name>"}} into the user's, wherever a property holds one (see {@link
 * NameReference}). Every distinct name is looked up once per run, in as few requests as Graph allows. A group name
 * must match exactly one group, and a principal name one user: none or several is an error naming what was found, so
 * a typo or a duplicate name never sends the wrong id. A resolved value keeps its name as origin, so plans can show
 * both. A lookup that fails is not a name that did not resolve: it stops the run as {@link NameLookupException}.
 */
public final class NameResolver {

  private final GroupDirectory groups;
  private final UserDirectory users;

  public NameResolver(GraphClient client) {
    this.groups = new GroupDirectory(client);
    this.users = new UserDirectory(client);
  }

  /** The desired state with every name replaced by its id; unchanged when it names none. */
  public DesiredState resolve(DesiredState state) {
    List<NameReference> refs = NameReference.in(state);
    if (refs.isEmpty()) {
      return state;
    }
    Map<NameReference, String> ids = new LinkedHashMap<>();
    List<ConfigError> groupErrors = new ArrayList<>();
    List<ConfigError> userErrors = new ArrayList<>();
    resolveGroups(NameReference.in(state, NameReference.Kind.GROUP), ids, groupErrors);
    resolveUsers(NameReference.in(state, NameReference.Kind.USER), ids, userErrors);
    if (!groupErrors.isEmpty() || !userErrors.isEmpty()) {
      List<ConfigError> errors = new ArrayList<>(groupErrors);
      errors.addAll(userErrors);
      String noun = userErrors.isEmpty() ? "group name" : groupErrors.isEmpty() ? "user principal name" : "name";
      throw new UnresolvedNamesException(errors, noun);
    }
    Map<DesiredResource, List<NameReference>> byResource = new LinkedHashMap<>();
    ids.keySet().forEach(ref -> byResource.computeIfAbsent(ref.resource(), r -> new ArrayList<>()).add(ref));
    List<DesiredResource> resources = new ArrayList<>();
    for (DesiredResource r : state.resources()) {
      List<NameReference> mine = byResource.get(r);
      resources.add(mine == null ? r : withIds(r, mine, ids));
    }
    return new DesiredState(resources, state.collections(), state.userKeys());
  }

  private void resolveGroups(List<NameReference> refs, Map<NameReference, String> ids, List<ConfigError> errors) {
    if (refs.isEmpty()) {
      return;
    }
    Map<String, List<DirectoryGroup>> found;
    try {
      found = groups.byNames(refs.stream().map(NameReference::name).toList());
    } catch (GraphException e) {
      throw new NameLookupException(NameReference.Kind.GROUP, distinctNames(refs), e.error());
    }
    for (NameReference ref : refs) {
      List<DirectoryGroup> matches = found.getOrDefault(ref.name(), List.of());
      if (matches.size() == 1) {
        ids.put(ref, matches.get(0).id());
      } else {
        errors.add(error(ref, matches.isEmpty() ? noGroup(ref) : ambiguous(ref, matches)));
      }
    }
  }

  private void resolveUsers(List<NameReference> refs, Map<NameReference, String> ids, List<ConfigError> errors) {
    if (refs.isEmpty()) {
      return;
    }
    Map<String, Optional<DirectoryUser>> found;
    try {
      found = users.byPrincipalNames(refs.stream().map(NameReference::name).toList());
    } catch (GraphException e) {
      throw new NameLookupException(NameReference.Kind.USER, distinctNames(refs), e.error());
    }
    for (NameReference ref : refs) {
      Optional<DirectoryUser> user = found.getOrDefault(ref.name(), Optional.empty());
      if (user.isPresent()) {
        ids.put(ref, user.get().id());
      } else {
        errors.add(error(ref, "no Entra user has the principal name \"" + ref.name() + "\". Check the name, or "
            + "write the user's id instead"));
      }
    }
  }

  private static List<String> distinctNames(List<NameReference> refs) {
    return refs.stream().map(NameReference::name).distinct().toList();
  }

  /** The resource with each named value replaced by its id, and the name kept as the value's origin. */
  private static DesiredResource withIds(DesiredResource r, List<NameReference> refs, Map<NameReference, String> ids) {
    ObjectNode properties = r.properties().deepCopy();
    Map<String, ValueOrigin> origins = new HashMap<>(r.propertyOrigins());
    Map<String, List<ValueOrigin.Named>> entries = new LinkedHashMap<>();
    for (NameReference ref : refs) {
      String id = ids.get(ref);
      if (ref.entry() >= 0) {
        ((ArrayNode) properties.get(ref.property())).set(ref.entry(), UsersAndGroups.entry(ref.kind().yamlKey(), id));
        entries.computeIfAbsent(ref.property(), p -> new ArrayList<>())
            .add(new ValueOrigin.Named(ref.kind().yamlKey(), ref.name(), id));
        continue;
      }
      properties.set(ref.property(), JsonNodeFactory.instance.stringNode(id));
      ValueOrigin was = origins.get(ref.property());
      origins.put(ref.property(), ref.kind() == NameReference.Kind.GROUP
          ? ValueOrigin.resolvedGroup(was, ref.name()) : ValueOrigin.resolvedUser(was, ref.name()));
    }
    // The plan shows a list by its ids, and the names its entries were written as beside them.
    entries.forEach((property, named) ->
        origins.put(property, ValueOrigin.resolvedEntries(origins.get(property), named)));
    return new DesiredResource(r.id(), properties, r.location(), r.propertyLocations(), Map.copyOf(origins));
  }

  private static String noGroup(NameReference ref) {
    return "no Entra group is named \"" + ref.name() + "\" (found none; names match ignoring case). "
        + "Check the name, or write the group's id instead";
  }

  private static String ambiguous(NameReference ref, List<DirectoryGroup> matches) {
    return matches.size() + " Entra groups are named \"" + ref.name() + "\": "
        + String.join(", ", matches.stream().map(DirectoryGroup::toString).toList())
        + ". Write the id of the one you mean instead";
  }

  private static ConfigError error(NameReference ref, String message) {
    return new ConfigError(ref.at(), ref.key(), message);
  }
}
