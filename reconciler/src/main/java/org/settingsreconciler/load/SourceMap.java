package org.settingsreconciler.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.settingsreconciler.model.Location;

/**
 * Where each node of a YAML document was written, by JSON Pointer. Keys and values are kept apart: an unknown key
 * is reported at the key, a wrong value at the value.
 */
public final class SourceMap {

  /**
   * What is known of one pointer. One map of these, rather than a map for keys, one for values and a set of quoted
   * scalars: a file of a thousand users has a hundred thousand nodes, and reading it spent a fifth of its time
   * hashing each pointer into three tables.
   */
  private static final class Place {
    Location key;
    Location value;
    boolean quoted;
  }

  private final Map<String, Place> places;
  /**
   * Maps added whole ({@link #addAll}), asked in order for what this one lacks. Kept by reference rather than
   * copied: a file of a thousand users has a hundred thousand places, and merging files only ever reads them.
   */
  private final List<SourceMap> added = new ArrayList<>();

  public SourceMap() {
    places = new HashMap<>();
  }

  /** A map expecting about {@code nodes} places, sized once instead of grown as they come. */
  SourceMap(int nodes) {
    places = new HashMap<>(Math.max(16, (int) Math.min(1 << 20, nodes * 4L / 3 + 1)));
  }

  private Place place(String pointer) {
    return places.computeIfAbsent(pointer, p -> new Place());
  }

  void putKey(String pointer, Location at) {
    Place place = place(pointer);
    if (place.key == null) {
      place.key = at;
    }
  }

  void putValue(String pointer, Location at) {
    Place place = place(pointer);
    if (place.value == null) {
      place.value = at;
    }
  }

  /**
   * A node met for the first time, in one step: where its key was written (null for the root and for sequence
   * items), where its value starts, and whether that value is a scalar written quoted or as a block scalar.
   */
  void putNode(String pointer, Location keyAt, Location valueAt, boolean quoted) {
    Place place = new Place();
    place.key = keyAt;
    place.value = valueAt;
    place.quoted = quoted;
    Place before = places.putIfAbsent(pointer, place);
    if (before != null) {
      // A pointer seen before keeps its first places (see putKey, putValue); quoting is the node's own.
      before.key = before.key == null ? keyAt : before.key;
      before.value = before.value == null ? valueAt : before.value;
      before.quoted |= quoted;
    }
  }

  void markQuoted(String pointer) {
    place(pointer).quoted = true;
  }

  /** Whether the scalar at this pointer was written quoted ('...', "...") or as a block scalar (|, >). */
  public boolean isQuoted(String pointer) {
    Place place = places.get(pointer);
    return place != null && place.quoted;
  }

  /**
   * Adds every place of {@code other} this map lacks; places already here, and those of maps added before, win.
   * {@code other} is kept, not copied, and must not change afterwards.
   */
  void addAll(SourceMap other) {
    added.add(other);
  }

  /** Adds the other map's places whose pointer passes {@code keep}; places already here stay (for layers). */
  void addAllWhere(SourceMap other, java.util.function.Predicate<String> keep) {
    other.forEachKey((p, at) -> {
      if (keep.test(p) && key(p) == null) {
        putKey(p, at);
      }
    });
    other.forEachValue((p, at) -> {
      if (keep.test(p) && value(p) == null) {
        putValue(p, at);
      }
    });
  }

  /**
   * Makes the places of {@code from} and of everything below it known under {@code to} as well: for a key that
   * reads other than it is written ({@code $${} in a key, see VariableSubstitution), so that what is said about it
   * later still points where it is written.
   */
  public void copyPlaces(String from, String to) {
    List<Runnable> copies = new ArrayList<>();
    java.util.function.Function<String, String> moved = p ->
        p.equals(from) ? to : p.startsWith(from + "/") ? to + p.substring(from.length()) : null;
    forEachKey((p, at) -> {
      if (moved.apply(p) != null) {
        copies.add(() -> putKey(moved.apply(p), at));
      }
    });
    forEachValue((p, at) -> {
      if (moved.apply(p) != null) {
        copies.add(() -> putValue(moved.apply(p), at));
        if (isQuoted(p)) {
          copies.add(() -> markQuoted(moved.apply(p)));
        }
      }
    });
    copies.forEach(Runnable::run);
  }

  /** Every key place: this map's own, then each added map's, in order (so the first of a pointer wins). */
  private void forEachKey(BiConsumer<String, Location> action) {
    places.forEach((p, place) -> {
      if (place.key != null) {
        action.accept(p, place.key);
      }
    });
    added.forEach(m -> m.forEachKey(action));
  }

  private void forEachValue(BiConsumer<String, Location> action) {
    places.forEach((p, place) -> {
      if (place.value != null) {
        action.accept(p, place.value);
      }
    });
    added.forEach(m -> m.forEachValue(action));
  }

  /** The key's location, else the value's, else the nearest ancestor's. */
  public Location keyLocation(String pointer) {
    for (String p = pointer; ; p = parent(p)) {
      Location at = key(p);
      if (at == null) {
        at = value(p);
      }
      if (at != null || p.isEmpty()) {
        return at;
      }
    }
  }

  /** The value's location, else the key's, else the nearest ancestor's. */
  public Location valueLocation(String pointer) {
    Location at = value(pointer);
    return at != null ? at : keyLocation(pointer);
  }

  private Location key(String pointer) {
    Place place = places.get(pointer);
    Location at = place == null ? null : place.key;
    for (int i = 0; at == null && i < added.size(); i++) {
      at = added.get(i).key(pointer);
    }
    return at;
  }

  private Location value(String pointer) {
    Place place = places.get(pointer);
    Location at = place == null ? null : place.value;
    for (int i = 0; at == null && i < added.size(); i++) {
      at = added.get(i).value(pointer);
    }
    return at;
  }

  static String parent(String pointer) {
    int slash = pointer.lastIndexOf('/');
    return slash <= 0 ? "" : pointer.substring(0, slash);
  }

  public static String child(String pointer, String name) {
    // Called for every node of every file: names needing no escape (nearly all) skip the two replaces.
    boolean plain = name.indexOf('~') < 0 && name.indexOf('/') < 0;
    return pointer + "/" + (plain ? name : name.replace("~", "~0").replace("/", "~1"));
  }

  /** The pointer of what {@code names} lead to from {@code pointer}, one key after the other. */
  public static String child(String pointer, List<String> names) {
    String out = pointer;
    for (String name : names) {
      out = child(out, name);
    }
    return out;
  }

  public static String child(String pointer, int index) {
    return pointer + "/" + index;
  }
}
