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
 *
 * <p>Compact, because it holds every node of every file while the desired state is built (a file of a thousand
 * users has forty thousand nodes; 100,000 users are millions): places are kept in a trie of the pointers' segments,
 * each segment's text kept once per map however often it repeats, and each location packed into a long (the file
 * as an index into this map's files, line and column). A pointer string and a {@link Location} are made only when
 * one is asked for. The map held a String, a Place and two Locations per node before: 165 of the 343 MB live while
 * 30,000 users were loaded.
 */
public final class SourceMap {

  /** Bits of a packed location: file index (16), line (24), column (24); files are at most 4 MiB. */
  private static final int POSITION_BITS = 24;
  private static final long POSITION_MASK = (1L << POSITION_BITS) - 1;
  private static final int MAX_FILES = 1 << 16;
  /** Children kept in an array, searched in turn, up to this many; a mapping of users has a table. */
  private static final int SMALL = 8;

  /** One segment of a pointer: its places (0 when not known) and its children. */
  private static final class Node {
    final String name;
    long key;
    long value;
    boolean quoted;
    /** null, a Node[] of up to {@link #SMALL} (nulls at the end), or a HashMap of name to Node. */
    Object children;

    Node(String name) {
      this.name = name;
    }

    Node child(String segment) {
      if (children instanceof Node[] small) {
        for (Node n : small) {
          if (n == null) {
            return null;
          }
          if (n.name.equals(segment)) {
            return n;
          }
        }
        return null;
      }
      @SuppressWarnings("unchecked")
      Map<String, Node> table = (Map<String, Node>) children;
      return table == null ? null : table.get(segment);
    }

    @SuppressWarnings("unchecked")
    void add(Node n) {
      if (children == null) {
        children = new Node[2];
      }
      if (children instanceof Node[] small) {
        for (int i = 0; i < small.length; i++) {
          if (small[i] == null) {
            small[i] = n;
            return;
          }
        }
        if (small.length < SMALL) {
          Node[] grown = java.util.Arrays.copyOf(small, small.length * 2);
          grown[small.length] = n;
          children = grown;
          return;
        }
        Map<String, Node> table = new HashMap<>();
        for (Node s : small) {
          table.put(s.name, s);
        }
        children = table;
      }
      ((Map<String, Node>) children).put(n.name, n);
    }

    @SuppressWarnings("unchecked")
    Iterable<Node> all() {
      if (children == null) {
        return List.of();
      }
      if (children instanceof Node[] small) {
        List<Node> out = new ArrayList<>(small.length);
        for (Node n : small) {
          if (n != null) {
            out.add(n);
          }
        }
        return out;
      }
      return ((Map<String, Node>) children).values();
    }
  }

  private final Node root = new Node("");
  /** The files of this map's places, by the index packed into each. */
  private final List<String> files = new ArrayList<>(1);
  /** Each segment's text once: "description", "0" and each user's name repeat in every pointer below them. */
  private final Map<String, String> segments = new HashMap<>();
  /**
   * Maps added whole ({@link #addAll}), asked in order for what this one lacks. Kept by reference rather than
   * copied: a file of a thousand users has a hundred thousand places, and merging files only ever reads them.
   */
  private final List<SourceMap> added = new ArrayList<>();

  public SourceMap() {}

  /** A map expecting about {@code nodes} places (sizes nothing now: the trie grows as it is written). */
  SourceMap(int nodes) {
    this();
  }

  /** The node of {@code pointer} in this map's own trie; made (with the nodes above it) when {@code create}. */
  private Node node(String pointer, boolean create) {
    Node at = root;
    int i = 0;
    while (i < pointer.length()) {
      int next = pointer.indexOf('/', i + 1);
      if (next < 0) {
        next = pointer.length();
      }
      String segment = pointer.substring(i + 1, next);
      Node child = at.child(segment);
      if (child == null) {
        if (!create) {
          return null;
        }
        child = new Node(segments.computeIfAbsent(segment, s -> s));
        at.add(child);
      }
      at = child;
      i = next;
    }
    return at;
  }

  private long pack(Location at) {
    if (at == null) {
      return 0;
    }
    int file = files.indexOf(at.file());
    if (file < 0) {
      file = files.size();
      if (file >= MAX_FILES) {
        throw new IllegalStateException("more than " + MAX_FILES + " files in one source map");
      }
      files.add(at.file());
    }
    return ((long) file << (2 * POSITION_BITS)) | ((at.line() & POSITION_MASK) << POSITION_BITS)
        | (at.column() & POSITION_MASK);
  }

  private Location unpack(long packed) {
    if (packed == 0) {
      return null;
    }
    return new Location(files.get((int) (packed >>> (2 * POSITION_BITS))),
        (int) ((packed >>> POSITION_BITS) & POSITION_MASK), (int) (packed & POSITION_MASK));
  }

  void putKey(String pointer, Location at) {
    Node node = node(pointer, true);
    if (node.key == 0) {
      node.key = pack(at);
    }
  }

  void putValue(String pointer, Location at) {
    Node node = node(pointer, true);
    if (node.value == 0) {
      node.value = pack(at);
    }
  }

  /**
   * A node met for the first time, in one step: where its key was written (null for the root and for sequence
   * items), where its value starts, and whether that value is a scalar written quoted or as a block scalar.
   */
  void putNode(String pointer, Location keyAt, Location valueAt, boolean quoted) {
    // A pointer seen before keeps its first places (see putKey, putValue); quoting is the node's own.
    Node node = node(pointer, true);
    node.key = node.key == 0 ? pack(keyAt) : node.key;
    node.value = node.value == 0 ? pack(valueAt) : node.value;
    node.quoted |= quoted;
  }

  void markQuoted(String pointer) {
    node(pointer, true).quoted = true;
  }

  /** Whether the scalar at this pointer was written quoted ('...', "...") or as a block scalar (|, >). */
  public boolean isQuoted(String pointer) {
    Node node = node(pointer, false);
    return node != null && node.quoted;
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
    forEach(root, "", true, action);
    added.forEach(m -> m.forEachKey(action));
  }

  private void forEachValue(BiConsumer<String, Location> action) {
    forEach(root, "", false, action);
    added.forEach(m -> m.forEachValue(action));
  }

  private void forEach(Node node, String pointer, boolean keys, BiConsumer<String, Location> action) {
    long packed = keys ? node.key : node.value;
    if (packed != 0) {
      action.accept(pointer, unpack(packed));
    }
    for (Node child : node.all()) {
      forEach(child, pointer + "/" + child.name, keys, action);
    }
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
    Node node = node(pointer, false);
    Location at = node == null ? null : unpack(node.key);
    for (int i = 0; at == null && i < added.size(); i++) {
      at = added.get(i).key(pointer);
    }
    return at;
  }

  private Location value(String pointer) {
    Node node = node(pointer, false);
    Location at = node == null ? null : unpack(node.value);
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
