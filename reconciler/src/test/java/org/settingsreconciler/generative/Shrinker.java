package org.settingsreconciler.generative;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes a failing case smaller while it keeps failing at the same stage: greedily drops an object member or an array
 * item of the tenant or the desired state (shallow ones first, so whole resources and users go before single
 * values), then shortens strings. Every try runs the whole round trip, so it stops after a budget of tries; what it
 * returns is then small, if not always minimal.
 */
final class Shrinker {

  private final Function<RoundTripCase, Optional<RoundTrip.Failure>> run;
  private final int budget;
  private int tries;

  Shrinker(Function<RoundTripCase, Optional<RoundTrip.Failure>> run, int budget) {
    this.run = run;
    this.budget = budget;
  }

  /** The smallest case found that fails at {@code failure}'s stage, and its failure. */
  Shrunk shrink(RoundTripCase c, RoundTrip.Failure failure) {
    RoundTripCase best = c;
    RoundTrip.Failure bestFailure = failure;
    boolean smaller = true;
    while (smaller && tries < budget) {
      smaller = false;
      for (RoundTripCase candidate : candidates(best)) {
        if (tries++ >= budget) {
          break;
        }
        Optional<RoundTrip.Failure> f = run.apply(candidate);
        if (f.isPresent() && f.get().stage().equals(failure.stage())) {
          best = candidate;
          bestFailure = f.get();
          smaller = true;
          break;
        }
      }
    }
    return new Shrunk(best, bestFailure, tries);
  }

  record Shrunk(RoundTripCase smallest, RoundTrip.Failure failure, int tries) {}

  private static List<RoundTripCase> candidates(RoundTripCase c) {
    List<RoundTripCase> out = new ArrayList<>();
    for (JsonNode tenant : smaller(c.tenant())) {
      out.add(c.with((ObjectNode) tenant, c.desired()));
    }
    for (JsonNode desired : smaller(c.desired())) {
      out.add(c.with(c.tenant(), (ObjectNode) desired));
    }
    out.sort((a, b) -> Integer.compare(size(a), size(b)));
    return out;
  }

  private static int size(RoundTripCase c) {
    return c.tenant().toString().length() + c.desired().toString().length();
  }

  /** Copies of the tree with one member, item or string made smaller. */
  static List<JsonNode> smaller(JsonNode root) {
    List<JsonNode> out = new ArrayList<>();
    collect(root, root, new ArrayList<>(), out);
    return out;
  }

  private static void collect(JsonNode root, JsonNode node, List<Object> path, List<JsonNode> out) {
    if (node.isObject()) {
      for (String name : node.propertyNames()) {
        out.add(edit(root, path, parent -> ((ObjectNode) parent).remove(name)));
        path.add(name);
        collect(root, node.get(name), path, out);
        path.remove(path.size() - 1);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        int at = i;
        out.add(edit(root, path, parent -> ((ArrayNode) parent).remove(at)));
        path.add(i);
        collect(root, node.get(i), path, out);
        path.remove(path.size() - 1);
      }
    } else if (node.isString() && node.asString().length() > 1 && !path.isEmpty()) {
      String s = node.asString();
      Object last = path.get(path.size() - 1);
      List<Object> parentPath = path.subList(0, path.size() - 1);
      for (String shorter : List.of(s.substring(0, s.length() / 2), s.substring(s.length() / 2),
          s.substring(1), s.substring(0, s.length() - 1))) {
        out.add(edit(root, parentPath, parent -> set(parent, last, shorter)));
      }
    }
  }

  private static void set(JsonNode parent, Object at, String value) {
    if (at instanceof String name) {
      ((ObjectNode) parent).put(name, value);
    } else {
      ((ArrayNode) parent).set((Integer) at, MetadataValues.JSON.stringNode(value));
    }
  }

  /** A deep copy of {@code root} with {@code change} applied to the node at {@code path}. */
  private static JsonNode edit(JsonNode root, List<Object> path, java.util.function.Consumer<JsonNode> change) {
    JsonNode copy = root.deepCopy();
    JsonNode node = copy;
    for (Object step : path) {
      node = step instanceof String name ? node.get(name) : node.get((Integer) step);
    }
    change.accept(node);
    return copy;
  }
}
