package org.settingsreconciler.resolve;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.settingsreconciler.graph.GraphClient;
import org.settingsreconciler.graph.GraphError;
import org.settingsreconciler.graph.GraphException;
import org.settingsreconciler.resource.Access;
import tools.jackson.databind.JsonNode;

/**
 * Looks Entra groups up by display name and by id through Graph's {@code /groups}. Names go into OData string
 * literals, where a quote is written twice ({@code 'O''Brien'}); several names go into one request with
 * {@code displayName in (...)}, at most {@value #NAMES_PER_REQUEST} at a time, the most Graph accepts in one
 * {@code in} clause. Graph matches an {@code eq} value of at most {@value #LONGEST_MATCHED_VALUE} characters
 * (concepts/known-issues.md, although a displayName may have 256): a longer name is looked up on its own with
 * {@code startswith(displayName, '<its first 120 characters>')} and the groups found are matched in full here. Display
 * names match ignoring case, as Entra compares them. Needs {@link #ACCESS}.
 */
public final class GroupDirectory {

  /**
   * What these lookups need: Microsoft's "List groups" and "Get group" name GroupMember.Read.All the least privileged
   * (Group.Read.All and Directory.Read.All also do), delegated and application alike, and no directory role (see
   * docs/permissions.md for where the generated tables disagree).
   */
  public static final Access ACCESS = Access.delegatedOrApp("GroupMember.Read.All", Access.NO_ROLE);

  static final int NAMES_PER_REQUEST = 15;
  static final int LONGEST_MATCHED_VALUE = 120;

  private final GraphClient client;

  public GroupDirectory(GraphClient client) {
    this.client = client;
  }

  /**
   * Every group whose display name is one of {@code names}, keyed by the name as asked (each asked name has an
   * entry, empty when no group has it).
   */
  public Map<String, List<DirectoryGroup>> byNames(Collection<String> names) throws GraphException {
    List<String> distinct = names.stream().distinct().toList();
    Map<String, List<DirectoryGroup>> out = new LinkedHashMap<>();
    distinct.forEach(n -> out.put(n, new ArrayList<>()));
    List<String> matchable = distinct.stream().filter(n -> n.length() <= LONGEST_MATCHED_VALUE).toList();
    for (int from = 0; from < matchable.size(); from += NAMES_PER_REQUEST) {
      List<String> chunk = matchable.subList(from, Math.min(matchable.size(), from + NAMES_PER_REQUEST));
      collect(filter(chunk), chunk, out);
    }
    for (String name : distinct) {
      if (name.length() > LONGEST_MATCHED_VALUE) {
        collect(startsWith(name), List.of(name), out);
      }
    }
    return out;
  }

  /** Lists the groups {@code filter} finds and adds each to every one of {@code names} its display name is. */
  private void collect(String filter, List<String> names, Map<String, List<DirectoryGroup>> out)
      throws GraphException {
    for (JsonNode g : client.list(client.versions().directoryPath("/groups?$filter=" + encode(filter)
        + "&$select=id,displayName"))) {
      DirectoryGroup group = group(g);
      for (String name : names) {
        if (group.displayName() != null && fold(group.displayName()).equals(fold(name))) {
          out.get(name).add(group);
        }
      }
    }
  }

  /**
   * {@code startswith(displayName,'...')} on the first {@value #LONGEST_MATCHED_VALUE} characters of a longer name
   * (one fewer where the cut would split a surrogate pair), which finds every group of that name among others.
   */
  static String startsWith(String name) {
    int end = LONGEST_MATCHED_VALUE;
    if (Character.isHighSurrogate(name.charAt(end - 1))) {
      end--;
    }
    return "startswith(displayName," + literal(name.substring(0, end)) + ")";
  }

  /** The group with this id, or empty when the directory has none. */
  public Optional<DirectoryGroup> byId(String id) throws GraphException {
    try {
      JsonNode g = client.getObject(client.versions().directoryPath("/groups/" + encode(id) + "?$select=id,displayName"));
      return Optional.of(group(g));
    } catch (GraphException e) {
      if (e.error().status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** {@code displayName eq 'a'} for one name, {@code displayName in ('a','b')} for several. */
  static String filter(List<String> names) {
    if (names.size() == 1) {
      return "displayName eq " + literal(names.get(0));
    }
    return "displayName in (" + String.join(",", names.stream().map(GroupDirectory::literal).toList()) + ")";
  }

  /** An OData string literal: quoted, with every quote inside doubled. */
  static String literal(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  /** Percent-encoding for a query value; a space must be %20, as '+' is not a space to every OData parser. */
  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String fold(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /** A group as Graph answered it; one without an id (or with one that is not a string) cannot stand for a name. */
  private static DirectoryGroup group(JsonNode g) throws GraphException {
    String id = text(g, "id");
    if (id == null || id.isEmpty()) {
      throw new GraphException(GraphError.malformed("a group without its id", 200, null));
    }
    return new DirectoryGroup(id, text(g, "displayName"));
  }

  /** A string property of a group, or null when it is missing or not a string (a group Graph answered oddly). */
  private static String text(JsonNode n, String field) {
    JsonNode v = n == null ? null : n.get(field);
    return v != null && v.isString() ? v.asString() : null;
  }
}
