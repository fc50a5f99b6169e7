package org.settingsreconciler.resource;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The entries of a {@link ValueKind#USERS_AND_GROUPS} list, as Graph writes them (a packageAccessEntity:
 * {@code {"resourceType": "user", "resourceId": "<id>"}}), and the YAML's other spellings of one: a user by its
 * principal name, {@code {user: "<upn>"}}, and a group by its display name, {@code {group: "<name>"}}.
 */
public final class UsersAndGroups {

  public static final String TYPE = "resourceType";
  public static final String ID = "resourceId";
  /** The YAML's key for a user named by principal name, and Graph's resourceType of a user. */
  public static final String USER = "user";
  /** The YAML's key for a group named by display name, and Graph's resourceType of a group. */
  public static final String GROUP = "group";

  private UsersAndGroups() {}

  /** One entry as Graph writes it. */
  public static ObjectNode entry(String type, String id) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put(TYPE, type);
    n.put(ID, id);
    return n;
  }

  /** The name an entry written as {@code {user: ...}} or {@code {group: ...}} gives ({@code kind} says which). */
  public static Optional<String> nameIn(JsonNode entry, String kind) {
    JsonNode name = entry != null && entry.isObject() && entry.size() == 1 ? entry.get(kind) : null;
    return name != null && name.isString() ? Optional.of(name.asString()) : Optional.empty();
  }

  /**
   * Whether two lists hold the same users and groups: order and repeats carry no meaning (Graph keeps them as a set
   * of who may use the agent), types and ids compare ignoring case, and null is the empty list.
   */
  public static boolean same(JsonNode desired, JsonNode current) {
    return keys(desired).equals(keys(current));
  }

  private static Set<String> keys(JsonNode list) {
    Set<String> out = new HashSet<>();
    if (list != null && list.isArray()) {
      for (JsonNode e : list) {
        out.add(e.isObject() && e.path(TYPE).isString() && e.path(ID).isString()
            ? e.get(TYPE).asString().toLowerCase(Locale.ROOT) + "\n" + e.get(ID).asString().toLowerCase(Locale.ROOT)
            : e.toString());
      }
    }
    return out;
  }
}
