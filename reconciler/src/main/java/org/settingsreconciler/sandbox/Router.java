package org.settingsreconciler.sandbox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.resource.defs.ResourceRegistry;

/**
 * The routes of the emulated API, derived from the resource registry so that a new descriptor is served without
 * code here: a singleton's path; a fixed-id set's parent (405, no list is documented) and its {@code /{id}}; a
 * collection's list and its {@code /{id}}. Plus {@code /users}, {@code /users/{user}}, {@code /groups} and
 * {@code /groups/{id}}. Segments match ignoring
 * case, as Graph's do.
 */
final class Router {

  private static final String USER = "{user}";
  private static final String ID = "{id}";

  private record Route(List<String> pattern, RouteHandler handler) {
    long variables() {
      return pattern.stream().filter(Router::isVariable).count();
    }
  }

  /** A routed request: the handler and the values of the path's variables. */
  record Match(RouteHandler handler, String user, String id) {}

  private final List<Route> routes = new ArrayList<>();

  Router() {
    for (ResourceDescriptor d : ResourceRegistry.all()) {
      List<String> base = split(d.path());
      switch (d.shape()) {
        case SINGLETON -> add(base, new SingletonHandler(d));
        case FIXED_IDS -> {
          add(base, Router::noListDocumented);
          add(append(base, ID), new FixedIdHandler(d));
        }
        case COLLECTION -> {
          add(base, new CollectionHandler(d));
          add(append(base, ID), new CollectionItemHandler(d));
        }
      }
    }
    add(List.of("users"), UsersHandler.LIST);
    add(List.of("users", USER), UsersHandler.ONE);
    add(List.of("groups"), GroupsHandler.LIST);
    add(List.of("groups", ID), GroupsHandler.ONE);
    add(List.of("organization"), OrganizationHandler.LIST);
    // Literal segments win over variables when two routes could match.
    routes.sort(Comparator.comparingLong(Route::variables));
  }

  private void add(List<String> pattern, RouteHandler handler) {
    routes.add(new Route(pattern, handler));
  }

  /**
   * The route of a decoded path, or Graph's 400 naming the first segment no route knows.
   */
  Match route(List<String> segments) {
    for (Route r : routes) {
      if (r.pattern().size() == segments.size() && prefixMatches(r.pattern(), segments, segments.size())) {
        String user = null;
        String id = null;
        for (int i = 0; i < segments.size(); i++) {
          if (r.pattern().get(i).equals(USER)) {
            user = segments.get(i);
          } else if (isVariable(r.pattern().get(i))) {
            id = segments.get(i);
          }
        }
        return new Match(r.handler(), user, id);
      }
    }
    throw GraphErrors.segmentNotFound(firstUnknownSegment(segments));
  }

  private String firstUnknownSegment(List<String> segments) {
    for (int n = 1; n <= segments.size(); n++) {
      final int length = n;
      boolean known =
          routes.stream().anyMatch(r -> r.pattern().size() >= length && prefixMatches(r.pattern(), segments, length));
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
      if (isVariable(p) ? s.isEmpty() : !p.equalsIgnoreCase(s)) {
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

  private static List<String> append(List<String> base, String segment) {
    List<String> out = new ArrayList<>(base);
    out.add(segment);
    return out;
  }

  /** graph-api.md 2: only GET/PATCH by id are documented for policy settings; the collection is unsupported. */
  private static SandboxResponse noListDocumented(Call call) {
    throw new GraphErrorException(
        405,
        "notSupported",
        "The HTTP method '" + call.request().method() + "' is not supported on this collection; address its "
            + "items by id.");
  }
}
