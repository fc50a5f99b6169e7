package org.settingsreconciler.resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Schemas under {@code schemas/} read as plain JSON, with {@code $ref}s followed the way the validator
 * follows them (within a file, and to a sibling file such as {@code common.schema.json}), so that a property's
 * effective keywords can be held against Microsoft's metadata.
 */
final class ResourceSchema {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** A schema node and the file (relative to {@code schemas/}) its own {@code $ref}s resolve against. */
  record Node(JsonNode json, String file) {
    JsonNode get(String keyword) {
      return json.get(keyword);
    }

    boolean has(String keyword) {
      return json.has(keyword);
    }

    /** The JSON types the node's {@code type} keyword allows; empty when it does not constrain the type. */
    Set<String> types() {
      Set<String> out = new LinkedHashSet<>();
      JsonNode type = json.get("type");
      if (type != null && type.isString()) {
        out.add(type.asString());
      } else if (type != null && type.isArray()) {
        type.forEach(t -> out.add(t.asString()));
      }
      return out;
    }

    boolean allows(String jsonType) {
      Set<String> types = types();
      return types.isEmpty() || types.contains(jsonType) || (jsonType.equals("integer") && types.contains("number"));
    }

    /**
     * Whether a string passes the string keywords this check knows (type, enum, const, pattern, minLength,
     * maxLength). Combinators are not judged; {@link ResourceSchema#resolve} refuses them so the check is extended
     * before a schema starts to use them.
     */
    boolean acceptsString(String value) {
      if (!allows("string")) {
        return false;
      }
      JsonNode enumeration = json.get("enum");
      if (enumeration != null && enumeration.valueStream().noneMatch(e -> e.isString() && e.asString().equals(value))) {
        return false;
      }
      JsonNode constant = json.get("const");
      if (constant != null && !(constant.isString() && constant.asString().equals(value))) {
        return false;
      }
      JsonNode pattern = json.get("pattern");
      if (pattern != null && !Pattern.compile(pattern.asString()).matcher(value).find()) {
        return false;
      }
      int length = value.codePointCount(0, value.length());
      JsonNode min = json.get("minLength");
      JsonNode max = json.get("maxLength");
      return (min == null || length >= min.asInt()) && (max == null || length <= max.asInt());
    }
  }

  private ResourceSchema() {}

  /** A schema file, relative to {@code schemas/} (e.g. {@code resources/people.pronouns.schema.json}). */
  static Node load(String file) {
    return new Node(read(file), file);
  }

  /**
   * The node's effective keywords: those of the node its {@code $ref} points at (followed again if that one refers
   * on), overlaid with the node's own siblings, as 2020-12 applies both.
   */
  static Node resolve(Node node) {
    for (String combinator : new String[] {"anyOf", "oneOf", "allOf", "not"}) {
      if (node.has(combinator)) {
        throw new IllegalStateException(
            node.file() + " uses " + combinator + ", which MetadataConformance does not judge yet; extend it");
      }
    }
    JsonNode ref = node.get("$ref");
    if (ref == null) {
      return node;
    }
    String target = ref.asString();
    int hash = target.indexOf('#');
    String file = hash == 0 ? node.file() : sibling(node.file(), hash < 0 ? target : target.substring(0, hash));
    String pointer = hash < 0 ? "" : target.substring(hash + 1);
    JsonNode referenced = read(file).at(pointer);
    if (referenced.isMissingNode()) {
      throw new IllegalStateException(node.file() + ": $ref " + target + " points at nothing");
    }
    Node base = resolve(new Node(referenced, file));
    ObjectNode merged = (ObjectNode) base.json().deepCopy();
    for (Map.Entry<String, JsonNode> e : node.json().properties()) {
      if (!e.getKey().equals("$ref")) {
        merged.set(e.getKey(), e.getValue());
      }
    }
    return new Node(merged, base.file());
  }

  /** A child schema under {@code keyword} (e.g. {@code items}), resolved, in the same file as its parent. */
  static Node child(Node parent, String keyword) {
    JsonNode json = parent.get(keyword);
    return json == null ? null : resolve(new Node(json, parent.file()));
  }

  private static String sibling(String file, String name) {
    int slash = file.lastIndexOf('/');
    return slash < 0 ? name : file.substring(0, slash + 1) + name;
  }

  private static JsonNode read(String file) {
    String resource = "schemas/" + file;
    try (InputStream in = ResourceSchema.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the classpath");
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
