package org.settingsreconciler.generative;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes a failing case smaller while it keeps failing at the same stage: greedily drops an object member or an array
 * item of the tenant or the desired state, the edits that remove the most first (whole resources and users before
 * single values), then shortens strings. Every try runs the whole round trip, so it stops after a budget of tries;
 * what it returns is then small, if not always minimal.
 */
final class Shrinker {

  private final Function<RoundTripCase, Optional<RoundTrip.Failure>> run;
  private final int budget;
  private int tries;

  Shrinker(Function<RoundTripCase, Optional<RoundTrip.Failure>> run, int budget) {
    this.run = run;
    this.budget = budget;
  }

  record Shrunk(RoundTripCase smallest, RoundTrip.Failure failure, int tries) {}

  /** The smallest case found that fails at {@code failure}'s stage, and its failure. */
  Shrunk shrink(RoundTripCase c, RoundTrip.Failure failure) {
    RoundTripCase best = c;
    RoundTrip.Failure bestFailure = failure;
    boolean smaller = true;
    while (smaller && tries < budget) {
      smaller = false;
      for (Edit edit : edits(best)) {
        if (tries++ >= budget) {
          break;
        }
        RoundTripCase candidate = edit.apply().get();
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

  /** One way to make a case smaller; {@code removes} is about how many characters of JSON it takes away. */
  private record Edit(int removes, Supplier<RoundTripCase> apply) {}

  private static List<Edit> edits(RoundTripCase c) {
    List<Edit> out = new ArrayList<>();
    collect(c.tenant(), new ArrayList<>(), (removes, tree) -> out.add(new Edit(removes,
        () -> c.with((ObjectNode) tree.get(), c.desired()))));
    collect(c.desired(), new ArrayList<>(), (removes, tree) -> out.add(new Edit(removes,
        () -> c.with(c.tenant(), (ObjectNode) tree.get()))));
    out.sort(Comparator.comparingInt(Edit::removes).reversed());
    return out;
  }

  /** Receives each smaller tree, made only when asked for, and about how much smaller it is. */
  private interface Sink {
    void accept(int removes, Supplier<JsonNode> tree);
  }

  /** Every tree one edit smaller than {@code root}: a member or item removed, or a string shortened. */
  private static void collect(JsonNode root, List<Object> path, Sink out) {
    JsonNode node = at(root, path);
    if (node.isObject()) {
      for (String name : node.propertyNames()) {
        List<Object> here = List.copyOf(path);
        out.accept(name.length() + node.get(name).toString().length(),
            () -> edited(root, here, parent -> ((ObjectNode) parent).remove(name)));
        path.add(name);
        collect(root, path, out);
        path.remove(path.size() - 1);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        int index = i;
        List<Object> here = List.copyOf(path);
        out.accept(node.get(i).toString().length(),
            () -> edited(root, here, parent -> ((ArrayNode) parent).remove(index)));
        path.add(i);
        collect(root, path, out);
        path.remove(path.size() - 1);
      }
    } else if (node.isString() && node.asString().length() > 1 && !path.isEmpty()) {
      String s = node.asString();
      Object last = path.get(path.size() - 1);
      List<Object> parent = List.copyOf(path.subList(0, path.size() - 1));
      for (String shorter : List.of(s.substring(0, s.length() / 2), s.substring(s.length() / 2),
          s.substring(1), s.substring(0, s.length() - 1))) {
        out.accept(s.length() - shorter.length(), () -> edited(root, parent, p -> set(p, last, shorter)));
      }
    }
  }

  private static JsonNode at(JsonNode root, List<Object> path) {
    JsonNode node = root;
    for (Object step : path) {
      node = step instanceof String name ? node.get(name) : node.get((Integer) step);
    }
    return node;
  }

  private static void set(JsonNode parent, Object at, String value) {
    if (at instanceof String name) {
      ((ObjectNode) parent).put(name, value);
    } else {
      ((ArrayNode) parent).set((Integer) at, MetadataValues.JSON.stringNode(value));
    }
  }

  /** A deep copy of {@code root} with {@code change} applied to the node at {@code path}. */
  private static JsonNode edited(JsonNode root, List<Object> path, Consumer<JsonNode> change) {
    JsonNode copy = root.deepCopy();
    change.accept(at(copy, path));
    return copy;
  }
}
