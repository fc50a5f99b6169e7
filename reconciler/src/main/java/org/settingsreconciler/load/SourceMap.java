package org.settingsreconciler.load;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.settingsreconciler.model.Location;

/**
 * Where each node of a YAML document was written, by JSON Pointer. Keys and values are kept apart: an unknown key
 * is reported at the key, a wrong value at the value.
 */
public final class SourceMap {

  private final Map<String, Location> keys = new HashMap<>();
  private final Map<String, Location> values = new HashMap<>();
  /** Scalars written quoted or as block scalars: a variable there stays text (see vars.VariableSubstitution). */
  private final java.util.Set<String> quoted = new java.util.HashSet<>();

  void putKey(String pointer, Location at) {
    keys.putIfAbsent(pointer, at);
  }

  void putValue(String pointer, Location at) {
    values.putIfAbsent(pointer, at);
  }

  void markQuoted(String pointer) {
    quoted.add(pointer);
  }

  /** Whether the scalar at this pointer was written quoted ('...', "...") or as a block scalar (|, >). */
  public boolean isQuoted(String pointer) {
    return quoted.contains(pointer);
  }

  void addAll(SourceMap other) {
    other.keys.forEach(keys::putIfAbsent);
    other.values.forEach(values::putIfAbsent);
  }

  /** Adds the other map's places whose pointer passes {@code keep}; places already here stay (for layers). */
  void addAllWhere(SourceMap other, java.util.function.Predicate<String> keep) {
    other.keys.forEach((p, at) -> {
      if (keep.test(p)) {
        keys.putIfAbsent(p, at);
      }
    });
    other.values.forEach((p, at) -> {
      if (keep.test(p)) {
        values.putIfAbsent(p, at);
      }
    });
  }

  /** The key's location, else the value's, else the nearest ancestor's. */
  public Location keyLocation(String pointer) {
    for (String p = pointer; ; p = parent(p)) {
      Location at = keys.containsKey(p) ? keys.get(p) : values.get(p);
      if (at != null || p.isEmpty()) {
        return at;
      }
    }
  }

  /** The value's location, else the key's, else the nearest ancestor's. */
  public Location valueLocation(String pointer) {
    Location at = values.get(pointer);
    return at != null ? at : keyLocation(pointer);
  }

  static String parent(String pointer) {
    int slash = pointer.lastIndexOf('/');
    return slash <= 0 ? "" : pointer.substring(0, slash);
  }

  public static String child(String pointer, String name) {
    return pointer + "/" + name.replace("~", "~0").replace("/", "~1");
  }

  public static String child(String pointer, int index) {
    return pointer + "/" + index;
  }

  /** A JSON Pointer as the dotted key path users know from their YAML: {@code copilot.limitedMode.groupId}. */
  public static String dotted(String pointer) {
    if (pointer.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    for (String raw : List.of(pointer.substring(1).split("/", -1))) {
      String name = raw.replace("~1", "/").replace("~0", "~");
      if (name.matches("\\d+")) {
        b.append('[').append(name).append(']');
      } else {
        if (b.length() > 0) {
          b.append('.');
        }
        b.append(name);
      }
    }
    return b.toString();
  }
}
