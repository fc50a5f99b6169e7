package org.settingsreconciler.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.settingsreconciler.files.UnusableFileException;
import org.settingsreconciler.files.UserFile;
import org.settingsreconciler.model.Location;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads one YAML file into a JSON tree, remembering the line and column of every key and value. YAML 1.2 core
 * schema ({@code yes}/{@code on} are strings, not booleans). Refuses what has no place in a settings file: several
 * documents, duplicate keys, custom tags, non-scalar keys, bytes that are not UTF-8, and documents that expand past
 * a bounded size through aliases.
 */
public final class YamlDocumentReader {

  /** Bounds the nodes an alias-heavy document may expand to ("billion laughs"). */
  static final int MAX_NODES = 200_000;

  static final int MAX_DEPTH = 64;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final String file;
  private final SourceMap sources = new SourceMap();
  private final List<ConfigError> errors;
  /** Whether plain documents are built straight from the events ({@link PlainDocumentBuilder}); tests say no. */
  private final boolean plainFirst;
  private int nodes;

  private YamlDocumentReader(String file, List<ConfigError> errors, boolean plainFirst) {
    this.file = file;
    this.errors = errors;
    this.plainFirst = plainFirst;
  }

  /** Reads {@code path}; problems go to {@code errors} and the result is then null. */
  public static YamlDocument read(Path path, List<ConfigError> errors) {
    String file = path.toString();
    byte[] bytes;
    try {
      bytes = UserFile.read(path, UserFile.Kind.YAML);
    } catch (UnusableFileException e) {
      errors.add(new ConfigError(new Location(file, 1, 1), null, e.getMessage()));
      return null;
    } catch (IOException e) {
      errors.add(new ConfigError(new Location(file, 1, 1), null, "cannot read file: " + e.getMessage()));
      return null;
    }
    return read(file, bytes, errors);
  }

  public static YamlDocument read(String file, byte[] bytes, List<ConfigError> errors) {
    return read(file, bytes, errors, true);
  }

  /** As {@link #read(String, byte[], List)}, always composing the general way: the plain builder's reference. */
  static YamlDocument readComposed(String file, byte[] bytes, List<ConfigError> errors) {
    return read(file, bytes, errors, false);
  }

  private static YamlDocument read(String file, byte[] bytes, List<ConfigError> errors, boolean plainFirst) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      errors.add(new ConfigError(new Location(file, 1, 1), null, "file is not valid UTF-8"));
      return null;
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return new YamlDocumentReader(file, errors, plainFirst).parse(text);
  }

  private YamlDocument parse(String text) {
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(file)
            .setSchema(new CoreSchema())
            .setAllowRecursiveKeys(false)
            .setMaxAliasesForCollections(100)
            .setCodePointLimit(UserFile.Kind.YAML.maxBytes())
            .build();
    Optional<Node> root;
    try {
      try {
        // Settings files are plain documents, built straight from the events; anything else is composed below.
        if (plainFirst) {
          return new PlainDocumentBuilder(parser(settings, text), file, settings.getSchema().getScalarResolver(),
              expectedNodes(text)).build(errors);
        }
      } catch (PlainDocumentBuilder.NotPlain general) {
        // composed below
      }
      root = new Composer(settings, parser(settings, text)).getSingleNode();
    } catch (MergeKeyGuard.Found merge) {
      Location at = merge.event().getStartMark().map(this::location).orElse(new Location(file, 1, 1));
      errors.add(new ConfigError(at, null, "merge keys (<<) are not YAML 1.2; write the keys out"));
      return null;
    } catch (MarkedYamlEngineException e) {
      Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
      errors.add(new ConfigError(mark.map(this::location).orElse(new Location(file, 1, 1)), null, yamlMessage(e)));
      return null;
    } catch (YamlEngineException e) {
      errors.add(new ConfigError(new Location(file, 1, 1), null, firstLine(e.getMessage())));
      return null;
    } catch (StackOverflowError e) {
      // snakeyaml-engine parses flow collections recursively and has no depth limit: thousands of '[' exhaust
      // the stack. The stack is unwound by now, so this is safe to report like any other bad input.
      errors.add(new ConfigError(new Location(file, 1, 1), null, "nested too deeply to read"));
      return null;
    }
    if (root.isEmpty()) {
      return new YamlDocument(file, null, sources);
    }
    int before = errors.size();
    JsonNode tree = convert(root.get(), "", 0);
    return errors.size() > before ? null : new YamlDocument(file, tree, sources);
  }

  /** Settings files have about one node for every 16 characters (a thousand users: 600 kB, 40,000 nodes). */
  private static int expectedNodes(String text) {
    return Math.min(MAX_NODES, text.length() / 16);
  }

  private static MergeKeyGuard parser(LoadSettings settings, String text) {
    return new MergeKeyGuard(new ParserImpl(settings, new StreamReader(settings, text)));
  }

  private JsonNode convert(Node node, String pointer, int depth) {
    if (nodes > MAX_NODES) {
      return JSON.nullNode();
    }
    sources.putValue(pointer, location(node));
    if (++nodes > MAX_NODES) {
      fail(node, pointer, "document expands to more than " + MAX_NODES + " nodes through aliases; refused");
      return JSON.nullNode();
    }
    if (depth > MAX_DEPTH) {
      fail(node, pointer, "nested deeper than " + MAX_DEPTH + " levels");
      return JSON.nullNode();
    }
    if (node instanceof MappingNode map) {
      return convertMap(map, pointer, depth);
    }
    if (node instanceof SequenceNode seq) {
      if (!seq.getTag().equals(Tag.SEQ)) {
        fail(seq, pointer, "unsupported YAML tag " + seq.getTag().getValue());
      }
      ArrayNode array = JSON.arrayNode();
      List<Node> items = seq.getValue();
      for (int i = 0; i < items.size() && nodes <= MAX_NODES; i++) {
        array.add(convert(items.get(i), SourceMap.child(pointer, i), depth + 1));
      }
      return array;
    }
    return scalar((ScalarNode) node, pointer);
  }

  private JsonNode convertMap(MappingNode map, String pointer, int depth) {
    if (!map.getTag().equals(Tag.MAP)) {
      fail(map, pointer, "unsupported YAML tag " + map.getTag().getValue());
    }
    ObjectNode object = JSON.objectNode();
    for (NodeTuple tuple : map.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
        fail(tuple.getKeyNode(), pointer, "keys must be plain strings");
        continue;
      }
      String key = keyNode.getValue();
      String childPointer = SourceMap.child(pointer, key);
      if (object.has(key)) {
        // Where the first one was written: the first key put at a pointer stays (SourceMap.putKey).
        fail(keyNode, childPointer, "duplicate key '" + key + "' (first set at " + sources.keyLocation(childPointer)
            + ")");
        continue;
      }
      sources.putKey(childPointer, location(keyNode));
      object.set(key, convert(tuple.getValueNode(), childPointer, depth + 1));
    }
    return object;
  }

  private JsonNode scalar(ScalarNode node, String pointer) {
    if (node.getScalarStyle() != ScalarStyle.PLAIN) {
      sources.markQuoted(pointer);
    }
    return YamlScalar.toJson(node.getTag(), node.getValue(), message -> fail(node, pointer, message));
  }

  private void fail(Node node, String pointer, String message) {
    errors.add(new ConfigError(location(node), KeyAddress.of(pointer), message));
  }

  private Location location(Node node) {
    return node.getStartMark().map(this::location).orElse(new Location(file, 1, 1));
  }

  private Location location(Mark mark) {
    return new Location(file, mark.getLine() + 1, mark.getColumn() + 1);
  }

  private static String yamlMessage(MarkedYamlEngineException e) {
    String problem = e.getProblem();
    String context = e.getContext();
    if (context != null && context.contains("expected a single document")) {
      return "more than one YAML document (---) in one file; put each in a file of its own";
    }
    String text = problem == null ? firstLine(e.getMessage()) : problem;
    if (context != null && !context.isBlank()) {
      text = text + " (" + context + ")";
    }
    String plain = inPlainWords(problem == null ? "" : problem);
    return "YAML syntax error: " + (plain.isEmpty() ? text : plain + " (SnakeYAML: " + text + ")");
  }

  /**
   * What SnakeYAML's parser terms mean for the usual causes, or "" where there is nothing plainer to say. Its
   * location stays: it is where the parser noticed, which is where the indentation went wrong.
   */
  private static String inPlainWords(String problem) {
    if (problem.startsWith("expected <block end>")) {
      return "the indentation here does not match the lines above: line this key up with the keys of its mapping"
          + " (or of its list), or indent it under a key that ends with ':'";
    }
    if (problem.startsWith("mapping values are not allowed here")) {
      return "a second ': ' on one line: quote a value that holds ': '";
    }
    return "";
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "invalid YAML";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

}
