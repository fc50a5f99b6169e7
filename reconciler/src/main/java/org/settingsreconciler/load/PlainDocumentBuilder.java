package org.settingsreconciler.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.settingsreconciler.model.Location;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the JSON tree of a plain YAML document straight from the parser's events, with the place of every key and
 * value. Composing snakeyaml-engine's node graph first, then converting it, cost a file of a thousand users nearly as
 * much again as parsing it. Plain is what settings files are: one document of mappings, sequences and scalars. At
 * anything else (an anchor or alias, a key that is a collection, a duplicate key, nesting past
 * {@value YamlDocumentReader#MAX_DEPTH} levels, more than {@value YamlDocumentReader#MAX_NODES} nodes) it gives up
 * with {@link NotPlain}, and the reader composes the document the general way, which deals with and words each of
 * those. Its result is the one that way gives: the same tree, places, quoted scalars and errors.
 */
final class PlainDocumentBuilder {

  /** The document is not plain: compose it the general way. */
  static final class NotPlain extends RuntimeException {
    NotPlain() {
      super("not a plain document", null, false, false);
    }
  }

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** String values up to this long are shared within a file (longer ones rarely repeat). */
  private static final int SHARED_STRING = 64;

  private static final int SMALL_MAPPING = 4;

  private final Parser parser;
  private final String file;
  private final ScalarResolver resolver;
  private final SourceMap sources;
  private final List<ConfigError> errors = new ArrayList<>();
  /**
   * Each key and each short string value once per file: a file of a thousand users writes "description", "Topic 1"
   * or "Bench" thousands of times, and the tree and then the desired state kept each as a string of its own.
   */
  private final Map<String, String> names = new HashMap<>();
  private final Map<String, JsonNode> strings = new HashMap<>();
  private int nodes;

  /**
   * @param parser events of the whole stream, merge keys already refused (see {@link MergeKeyGuard})
   * @param expectedNodes about how many nodes the document has, to size its source map once
   */
  PlainDocumentBuilder(Parser parser, String file, ScalarResolver resolver, int expectedNodes) {
    this.parser = parser;
    this.file = file;
    this.resolver = resolver;
    this.sources = new SourceMap(expectedNodes);
  }

  /**
   * The document, and its problems in {@code into}. YAML errors are thrown as snakeyaml-engine's exceptions, as the
   * composer throws them; a second document is refused as the composer refuses it.
   *
   * @throws NotPlain when the document needs the general way
   */
  YamlDocument build(List<ConfigError> into) {
    parser.next(); // stream start
    if (parser.checkEvent(Event.ID.StreamEnd)) {
      return new YamlDocument(file, null, sources);
    }
    parser.next(); // document start
    JsonNode root = node(parser.next(), "", null, 0);
    parser.next(); // document end
    if (!parser.checkEvent(Event.ID.StreamEnd)) {
      throw new NotPlain(); // the composer's error for a second document, at the same place, is the one to give
    }
    into.addAll(errors);
    return errors.isEmpty() ? new YamlDocument(file, root, sources) : null;
  }

  /** @param keyAt where the node's key was written; null for the root and for sequence items */
  private JsonNode node(Event event, String pointer, Location keyAt, int depth) {
    if (!(event instanceof NodeEvent node) || node.getAnchor().isPresent()) {
      throw new NotPlain(); // an alias, or an anchor some alias may repeat
    }
    boolean quoted = event instanceof ScalarEvent scalar && scalar.getScalarStyle() != ScalarStyle.PLAIN;
    sources.putNode(pointer, keyAt, location(event), quoted);
    if (++nodes > YamlDocumentReader.MAX_NODES || depth > YamlDocumentReader.MAX_DEPTH) {
      throw new NotPlain();
    }
    return switch (event.getEventId()) {
      case MappingStart -> mapping((CollectionStartEvent) event, pointer, depth);
      case SequenceStart -> sequence((CollectionStartEvent) event, pointer, depth);
      default -> scalar((ScalarEvent) event, pointer);
    };
  }

  private JsonNode mapping(CollectionStartEvent start, String pointer, int depth) {
    unsupportedTag(start, Tag.MAP, pointer);
    // Room for four entries to start with: most mappings are an item of two or three, and an empty map's table is
    // made for sixteen. A mapping of users grows as any map does.
    ObjectNode object = new ObjectNode(JSON, new LinkedHashMap<>(SMALL_MAPPING));
    while (!parser.checkEvent(Event.ID.MappingEnd)) {
      Event keyEvent = parser.next();
      if (!(keyEvent instanceof ScalarEvent key) || key.getAnchor().isPresent()) {
        throw new NotPlain();
      }
      String name = names.computeIfAbsent(key.getValue(), k -> k);
      if (object.has(name)) {
        throw new NotPlain(); // refused with where the first one was, after the whole document is composed
      }
      object.set(name, node(parser.next(), SourceMap.child(pointer, name), location(key), depth + 1));
    }
    parser.next();
    return object;
  }

  private JsonNode sequence(CollectionStartEvent start, String pointer, int depth) {
    unsupportedTag(start, Tag.SEQ, pointer);
    ArrayList<JsonNode> items = new ArrayList<>();
    for (int i = 0; !parser.checkEvent(Event.ID.SequenceEnd); i++) {
      items.add(node(parser.next(), SourceMap.child(pointer, i), null, depth + 1));
    }
    parser.next();
    items.trimToSize(); // most lists are short ([Bench]); an empty one's array holds ten
    return new ArrayNode(JSON, items);
  }

  /** A collection's tag as the composer resolves it: none (or {@code !}) is the plain one. */
  private void unsupportedTag(CollectionStartEvent start, Tag plain, String pointer) {
    Optional<String> tag = start.getTag();
    if (tag.isPresent() && !tag.get().equals("!") && !new Tag(tag.get()).equals(plain)) {
      fail(start, pointer, "unsupported YAML tag " + new Tag(tag.get()).getValue());
    }
  }

  private JsonNode scalar(ScalarEvent event, String pointer) {
    Optional<String> written = event.getTag();
    Tag tag = written.isEmpty() || written.get().equals("!")
        ? resolver.resolve(event.getValue(), event.getImplicit().canOmitTagInPlainScalar())
        : new Tag(written.get());
    if (tag.equals(Tag.STR) && event.getValue().length() <= SHARED_STRING) {
      return strings.computeIfAbsent(event.getValue(), JSON::stringNode); // string nodes never change
    }
    return YamlScalar.toJson(tag, event.getValue(), message -> fail(event, pointer, message));
  }

  private void fail(Event event, String pointer, String message) {
    errors.add(new ConfigError(location(event), KeyAddress.of(pointer), message));
  }

  private Location location(Event event) {
    Optional<Mark> mark = event.getStartMark();
    return mark.isPresent()
        ? new Location(file, mark.get().getLine() + 1, mark.get().getColumn() + 1)
        : new Location(file, 1, 1);
  }
}
