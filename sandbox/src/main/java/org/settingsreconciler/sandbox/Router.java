package org.settingsreconciler.sandbox;

import org.settingsreconciler.metadata.GraphMetadata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The routes of the emulated API, derived from the resource registry so that a new endpoint is served without
 * code here: a singleton's path; a fixed-id set's parent (405, no list is documented) and its {@code /{id}}; a
 * collection's list and its {@code /{id}}, or {@code (key='...')} where Graph addresses items by an alternate key. A
 * path's {@code {user}} goes to the call's user, any other variable (an item's id, the organization's in
 * {@code /organization/{organization}/...}) to its id. Plus {@code /users}, {@code /users/{user}}, {@code /groups},
 * {@code /groups/{id}} and {@code /organization}. Segments match ignoring case, as Graph's do. A resource's routes
 * exist in the Graph versions its endpoint names (both serve the same state); the directory's in both.
 */
final class Router {

  private static final String USER = "{user}";
  private static final String ID = "{id}";

  private record Route(List<String> pattern, Set<ApiVersion> versions, RouteHandler handler) {
    long variables() {
      return pattern.stream().filter(p -> isVariable(p) || AlternateKeySegment.isPattern(p)).count();
    }
  }

  /** A routed request: the handler and the values of the path's variables. */
  record Match(RouteHandler handler, String user, String id) {}

  private final List<Route> routes = new ArrayList<>();

  Router() {
    for (Endpoint d : Endpoints.ALL) {
      List<String> base = split(d.path());
      Set<ApiVersion> in = d.versions();
      switch (d.kind()) {
        case SINGLETON -> add(base, in, new SingletonHandler(d));
        case FIXED_IDS -> {
          add(base, in, Router::noListDocumented);
          add(append(base, ID), in, new FixedIdHandler(d));
        }
        case COLLECTION -> {
          add(base, in, new CollectionHandler(d));
          add(d.key().alternateKey() ? alternateKeyed(base, d.key().property()) : append(base, ID), in,
              new CollectionItemHandler(d));
        }
        case CATALOG -> {
          add(base, in, new CollectionHandler(d));
          add(append(base, ID), in, new CollectionItemHandler(d));
          for (ItemAction a : d.actions()) {
            add(append(append(base, ID), a.name()), actionVersions(d, a), new ActionHandler(d, a));
          }
        }
      }
    }
    Set<ApiVersion> every = EnumSet.allOf(ApiVersion.class);
    add(List.of("users"), every, UsersHandler.LIST);
    add(List.of("users", USER), every, UsersHandler.ONE);
    add(List.of("groups"), every, GroupsHandler.LIST);
    add(List.of("groups", ID), every, GroupsHandler.ONE);
    add(List.of("organization"), every, OrganizationHandler.LIST);
    // Literal segments win over variables when two routes could match.
    routes.sort(Comparator.comparingLong(Route::variables));
  }

  /** The versions whose metadata binds the action to the endpoint's type: an action is served only there. */
  private static Set<ApiVersion> actionVersions(Endpoint d, ItemAction a) {
    Set<ApiVersion> out = EnumSet.noneOf(ApiVersion.class);
    for (ApiVersion v : d.versions()) {
      if (GraphMetadata.load(v.segment()).actions(d.entityType()).containsKey(a.name())) {
        out.add(v);
      }
    }
    if (out.isEmpty()) {
      throw new IllegalStateException(d.stateName() + ": no version's metadata binds the action " + a.name());
    }
    return out;
  }

  private void add(List<String> pattern, Set<ApiVersion> versions, RouteHandler handler) {
    routes.add(new Route(pattern, versions, handler));
  }

  /**
   * The route of a decoded path under a version, or Graph's 400 naming the first segment no route of that version
   * knows: a v1.0 request for a resource that exists only in beta is answered as Graph answers it.
   */
  Match route(ApiVersion version, List<String> segments) {
    for (Route r : routes) {
      if (r.versions().contains(version) && r.pattern().size() == segments.size()
          && prefixMatches(r.pattern(), segments, segments.size())) {
        String user = null;
        String id = null;
        for (int i = 0; i < segments.size(); i++) {
          if (r.pattern().get(i).equals(USER)) {
            user = segments.get(i);
          } else if (isVariable(r.pattern().get(i))) {
            id = segments.get(i);
          } else if (AlternateKeySegment.isPattern(r.pattern().get(i))) {
            id = AlternateKeySegment.valueIn(r.pattern().get(i), segments.get(i));
          }
        }
        return new Match(r.handler(), user, id);
      }
    }
    throw GraphErrors.segmentNotFound(firstUnknownSegment(version, segments));
  }

  private String firstUnknownSegment(ApiVersion version, List<String> segments) {
    for (int n = 1; n <= segments.size(); n++) {
      final int length = n;
      boolean known = routes.stream().anyMatch(r -> r.versions().contains(version) && r.pattern().size() >= length
          && prefixMatches(r.pattern(), segments, length));
      if (!known) {
        return segments.get(n - 1);
      }
    }
    return segments.isEmpty() ? "" : segments.get(segments.size() - 1);
  }

  private static boolean prefixMatches(List<String> pattern, List<String> segments, int length) {
    for (int i = 0; i < length; i++) {
      String p = pattern.get(i);
      String s = segments.get(i);
      boolean matches = isVariable(p) ? !s.isEmpty()
          : AlternateKeySegment.isPattern(p) ? AlternateKeySegment.valueIn(p, s) != null
          : p.equalsIgnoreCase(s);
      if (!matches) {
        return false;
      }
    }
    return true;
  }

  private static boolean isVariable(String patternSegment) {
    return patternSegment.startsWith("{") && patternSegment.endsWith("}");
  }

  private static List<String> split(String path) {
    return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
  }

  /** The list's own segment, naming one item by the alternate key {@code property}: {@code list(property='...')}. */
  private static List<String> alternateKeyed(List<String> base, String property) {
    List<String> out = new ArrayList<>(base.subList(0, base.size() - 1));
    out.add(AlternateKeySegment.pattern(base.get(base.size() - 1), property));
    return out;
  }

  private static List<String> append(List<String> base, String segment) {
    List<String> out = new ArrayList<>(base);
    out.add(segment);
    return out;
  }

  /** docs/graph-facts.md 2: only GET/PATCH by id are documented for policy settings; the collection is unsupported. */
  private static SandboxResponse noListDocumented(Call call) {
    throw new GraphErrorException(
        405,
        "notSupported",
        "The HTTP method '" + call.request().method() + "' is not supported on this collection; address its "
            + "items by id.");
  }
}
