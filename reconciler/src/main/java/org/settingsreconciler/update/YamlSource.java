package org.settingsreconciler.update;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.settingsreconciler.files.UnusableFileException;
import org.settingsreconciler.files.UserFile;
import org.settingsreconciler.load.ConfigError;
import org.settingsreconciler.load.YamlDocument;
import org.settingsreconciler.load.YamlDocumentReader;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.CollectionNode;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import tools.jackson.databind.JsonNode;

/**
 * One desired-state file read again for editing: its exact text, its YAML node tree, and its values as JSON. The
 * loader keeps only where values start; an edit also needs where they end, their style and their keys, so the file
 * is composed once more with snakeyaml-engine, whose marks give both ends of every node. Offsets returned here are
 * UTF-16 indexes into {@link #text()} (snakeyaml counts code points; they differ only after characters outside the
 * Basic Multilingual Plane).
 */
final class YamlSource {

  private final Path path;
  private final boolean bom;
  private final String text;
  private final String lineEnding;
  private final Node root;
  private final JsonNode tree;
  private final boolean surrogates;

  private YamlSource(Path path, boolean bom, String text, Node root, JsonNode tree) {
    this.path = path;
    this.bom = bom;
    this.text = text;
    this.root = root;
    this.tree = tree;
    int nl = text.indexOf('\n');
    this.lineEnding = nl > 0 && text.charAt(nl - 1) == '\r' ? "\r\n" : "\n";
    this.surrogates = text.chars().anyMatch(c -> Character.isSurrogate((char) c));
  }

  /** Reads and parses {@code path}; fails with a message when it no longer reads as valid desired-state YAML. */
  static YamlSource read(Path path) throws IOException {
    byte[] bytes;
    try {
      bytes = UserFile.read(path, UserFile.Kind.YAML);
    } catch (UnusableFileException e) {
      throw new IOException(path + ": " + e.getMessage(), e);
    }
    List<ConfigError> errors = new ArrayList<>();
    YamlDocument doc = YamlDocumentReader.read(path.toString(), bytes, errors);
    if (doc == null || !errors.isEmpty()) {
      throw new IOException(path + " no longer reads as valid YAML: " + (errors.isEmpty() ? "" : errors.get(0)));
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    boolean bom = text.startsWith("\uFEFF");
    if (bom) {
      text = text.substring(1);
    }
    LoadSettings settings = LoadSettings.builder().setLabel(path.toString()).setSchema(new CoreSchema()).build();
    try {
      Node root = new Compose(settings).composeString(text).orElse(null);
      return new YamlSource(path, bom, text, root, doc.tree());
    } catch (YamlEngineException e) {
      throw new IOException(path + " no longer reads as valid YAML: " + e.getMessage(), e);
    }
  }

  Path path() {
    return path;
  }

  String text() {
    return text;
  }

  String lineEnding() {
    return lineEnding;
  }

  /** The file's values as the loader reads them (null for an empty file). */
  JsonNode tree() {
    return tree;
  }

  /** The bytes of an edited text, with this file's byte order mark if it had one. */
  byte[] encode(String newText) {
    return ((bom ? "\uFEFF" : "") + newText).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A node found by JSON pointer.
   *
   * @param keys the key node of every mapping step on the way (null for sequence steps); the last is the node's
   * @param inFlow whether the node sits inside a flow collection, where {@code ,[]{}} end a plain scalar
   * @param viaAlias whether the way passes through a YAML alias, so the node's text is somewhere else
   */
  record Found(String pointer, Node node, List<Node> keys, boolean inFlow, boolean viaAlias) {

    Node key() {
      return keys.isEmpty() ? null : keys.get(keys.size() - 1);
    }

    /** The key of the mapping entry holding this node's parent, or null at the top. */
    Node parentKey() {
      return keys.size() < 2 ? null : keys.get(keys.size() - 2);
    }
  }

  Optional<Found> find(String pointer) {
    if (root == null) {
      return Optional.empty();
    }
    Node node = root;
    List<Node> keys = new ArrayList<>();
    boolean inFlow = false;
    boolean viaAlias = false;
    if (pointer.isEmpty()) {
      return Optional.of(new Found(pointer, node, keys, false, false));
    }
    for (String raw : pointer.substring(1).split("/", -1)) {
      String name = raw.replace("~1", "/").replace("~0", "~");
      if (node instanceof CollectionNode<?> c && c.getFlowStyle() == FlowStyle.FLOW) {
        inFlow = true;
      }
      if (node instanceof MappingNode map) {
        NodeTuple hit = null;
        for (NodeTuple t : map.getValue()) {
          if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(name)) {
            hit = t;
            break;
          }
        }
        if (hit == null) {
          return Optional.empty();
        }
        viaAlias |= start(hit.getValueNode()) < end(hit.getKeyNode());
        keys.add(hit.getKeyNode());
        node = hit.getValueNode();
      } else if (node instanceof SequenceNode seq && name.matches("\\d{1,9}")) {
        int i = Integer.parseInt(name);
        if (i >= seq.getValue().size()) {
          return Optional.empty();
        }
        Node item = seq.getValue().get(i);
        viaAlias |= start(item) < start(seq);
        keys.add(null);
        node = item;
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(new Found(pointer, node, Collections.unmodifiableList(keys), inFlow, viaAlias));
  }

  /** Why a found node must not be rewritten in place, or null when it may. */
  String unsafe(Found f) {
    if (f.viaAlias()) {
      return "it is written through a YAML alias";
    }
    if (hasAnchor(f.node())) {
      return "it holds a YAML anchor that other values may refer to";
    }
    int s = start(f.node());
    if (s < text.length() && text.charAt(s) == '!') {
      return "it carries an explicit YAML tag";
    }
    return null;
  }

  private static boolean hasAnchor(Node n) {
    if (n.getAnchor().isPresent()) {
      return true;
    }
    if (n instanceof MappingNode m) {
      return m.getValue().stream().anyMatch(t -> hasAnchor(t.getKeyNode()) || hasAnchor(t.getValueNode()));
    }
    return n instanceof SequenceNode s && s.getValue().stream().anyMatch(YamlSource::hasAnchor);
  }

  int start(Node n) {
    return offset(n.getStartMark().orElseThrow().getIndex());
  }

  int end(Node n) {
    return offset(n.getEndMark().orElseThrow().getIndex());
  }

  /** 1-based line and column of the node's start, as the loader reports locations. */
  int line(Node n) {
    return n.getStartMark().orElseThrow().getLine() + 1;
  }

  int column(Node n) {
    return n.getStartMark().orElseThrow().getColumn() + 1;
  }

  /**
   * Where a node's own text ends. Scalars and flow collections end exactly at their end mark; a block collection's
   * end mark lies at the next token, past trailing comments and blank lines, so its text ends where its last entry's
   * does. A block scalar's end also takes in trailing line breaks, which belong to the lines after it.
   */
  int contentEnd(Node n) {
    if (n instanceof ScalarNode s) {
      int e = end(n);
      if (s.getScalarStyle() == ScalarStyle.LITERAL || s.getScalarStyle() == ScalarStyle.FOLDED) {
        int st = start(n);
        while (e > st + 1 && Character.isWhitespace(text.charAt(e - 1))) {
          e--;
        }
      }
      return e;
    }
    CollectionNode<?> c = (CollectionNode<?>) n;
    if (c.getFlowStyle() == FlowStyle.FLOW || c.getValue().isEmpty()) {
      return end(n);
    }
    if (n instanceof MappingNode m) {
      NodeTuple last = m.getValue().get(m.getValue().size() - 1);
      return Math.max(end(last.getKeyNode()), contentEnd(last.getValueNode()));
    }
    List<Node> items = ((SequenceNode) n).getValue();
    return Math.max(start(n) + 1, contentEnd(items.get(items.size() - 1)));
  }

  /** The offset just after the {@code :} that follows a mapping key, or -1 when it is not where expected. */
  int afterColon(Node key) {
    int i = end(key);
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i < text.length() && text.charAt(i) == ':' ? i + 1 : -1;
  }

  private int offset(int codePointIndex) {
    return surrogates ? text.offsetByCodePoints(0, codePointIndex) : codePointIndex;
  }
}
