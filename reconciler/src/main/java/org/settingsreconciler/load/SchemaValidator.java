package org.settingsreconciler.load;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.settingsreconciler.model.Location;
import tools.jackson.databind.JsonNode;

/**
 * Validates the merged desired state against {@code schemas/desired-state.schema.json} (see {@link Schemas}) and
 * words each failure for an admin, at the file, line and column it came from.
 */
public final class SchemaValidator {

  private static final String MISSING_KEY = "missing required key '";

  /** Whether the error is a required key that is missing (which a file that could not be read may hold). */
  static boolean isMissingKey(ConfigError e) {
    return e.message().startsWith(MISSING_KEY);
  }

  private final Schema schema;

  /** A validator for the desired state; waits for its schema if {@link #preload()} is still building it. */
  public SchemaValidator() {
    this(Schemas.desiredState());
  }

  private SchemaValidator(Schema schema) {
    this.schema = schema;
  }

  /** Starts building the desired-state schema in the background (see {@link Schemas}); returns at once. */
  public static void preload() {
    Schemas.preload();
  }

  /** Builds the desired-state schema on this thread, unless another thread has built it or is building it. */
  public static void prepare() {
    Schemas.desiredState();
  }

  /** A validator for another file of {@code schemas/} (tenant.yaml, layer.yaml), with the same wording of errors. */
  public static SchemaValidator forSchema(String file) {
    return new SchemaValidator(Schemas.other(file));
  }

  public List<ConfigError> validate(JsonNode tree, SourceMap sources) {
    List<Error> found = schema.validate(tree);
    // A mistyped key ({grup: X}) is also a required key missing; the did-you-mean says both, the other contradicts it.
    Set<String> suggested = new HashSet<>();
    for (Error e : found) {
      if (String.valueOf(e.getKeyword()).equals("additionalProperties")) {
        suggestion(e).ifPresent(s -> suggested.add(SourceMap.child(e.getInstanceLocation().toString(), s)));
      }
    }
    Set<ConfigError> out = new LinkedHashSet<>();
    for (Error e : found) {
      boolean misspelt = String.valueOf(e.getKeyword()).equals("required")
          && suggested.contains(SourceMap.child(e.getInstanceLocation().toString(), e.getProperty()));
      if (!misspelt) {
        out.add(toConfigError(e, sources));
      }
    }
    return new ArrayList<>(out);
  }

  private ConfigError toConfigError(Error e, SourceMap sources) {
    String instance = e.getInstanceLocation().toString();
    String keyword = String.valueOf(e.getKeyword());
    switch (keyword) {
      case "additionalProperties" -> {
        String pointer = SourceMap.child(instance, e.getProperty());
        String message = "unknown key '" + e.getProperty() + "'"
            + suggestion(e).map(s -> "; did you mean '" + s + "'?").orElse("");
        return error(sources.keyLocation(pointer), pointer, message);
      }
      case "propertyNames" -> {
        String pointer = SourceMap.child(instance, e.getProperty());
        String message =
            instance.equals("/users")
                ? "'" + e.getProperty() + "' is not a user principal name (expected name@domain)"
                : "'" + e.getProperty() + "' is not an allowed key here" + keysAllowed(e);
        return error(sources.keyLocation(pointer), pointer, message);
      }
      case "required" -> {
        String pointer = SourceMap.child(instance, e.getProperty());
        // Required only under a condition (an if/then): the then's description says why.
        String why = e.getSchemaLocation().toString().endsWith("/then/required")
            ? schemaNodeHolding(e).map(n -> n.path("description").asString("")).orElse("") : "";
        return error(sources.keyLocation(instance), pointer,
            MISSING_KEY + e.getProperty() + "'" + (why.isEmpty() ? "" : ": " + why));
      }
      case "type" -> {
        Object[] args = e.getArguments();
        String found = args != null && args.length > 0 ? String.valueOf(args[0]) : "value";
        String expected = args != null && args.length > 1 ? String.valueOf(args[1]) : "";
        String message = "must be " + article(expected) + ", not " + article(found);
        JsonNode value = e.getInstanceNode();
        if (value != null && value.isString() && expected.contains("boolean")) {
          message += " ('" + value.asString() + "'; YAML 1.2 booleans are true and false)";
        } else if (value != null && expected.contains("string") && (value.isNumber() || value.isBoolean())) {
          // YAML reads 1 and true as a number and a boolean; the text is meant, so it needs quotes.
          message += " (quote it: \"" + value.asString() + "\")";
        }
        return error(sources.valueLocation(instance), instance, message);
      }
      case "pattern" -> {
        String pattern = e.getSchemaNode() == null ? "" : e.getSchemaNode().asString();
        JsonNode value = e.getInstanceNode();
        String message = PatternWording.of(pattern, schemaNodeHolding(e).orElse(null),
            value == null ? "" : value.asString(""));
        return error(sources.valueLocation(instance), instance, message);
      }
      case "enum", "const" -> {
        JsonNode allowed = e.getSchemaNode();
        String message = allowed != null && allowed.isArray() ? "must be one of " + allowed : e.getMessage();
        return error(sources.valueLocation(instance), instance, message);
      }
      default -> {
        return error(sources.valueLocation(instance), instance, stripInstance(e.getMessage(), instance));
      }
    }
  }

  /** The allowed key closest to a mistyped one, if it is close enough to be a typo. */
  private java.util.Optional<String> suggestion(Error e) {
    return allowedKeys(e).flatMap(k -> Suggestions.closest(e.getProperty(), k));
  }

  /**
   * What to say after "is not an allowed key here": the close key meant, else the keys allowed (the schema's
   * "properties"), else what the propertyNames rule's description says a key is.
   */
  private String keysAllowed(Error e) {
    java.util.Optional<String> close = suggestion(e);
    if (close.isPresent()) {
      return "; did you mean '" + close.get() + "'?";
    }
    java.util.Optional<Set<String>> keys = allowedKeys(e);
    if (keys.isPresent() && !keys.get().isEmpty()) {
      return "; the keys allowed are " + String.join(", ", keys.get());
    }
    String described = schemaNodeHolding(e).map(n -> n.path("propertyNames").path("description").asString(""))
        .orElse("");
    return described.isEmpty() ? "" : "; a key here is " + lowerFirst(described);
  }

  /**
   * The names the schema object holding an additionalProperties=false or a propertyNames rule names: its
   * "properties".
   */
  private java.util.Optional<Set<String>> allowedKeys(Error e) {
    return schemaNodeHolding(e).map(node -> node.get("properties"))
        .map(properties -> new LinkedHashSet<>(properties.propertyNames()));
  }

  /** The schema object whose keyword {@code e} failed: the one holding the pattern, the properties, the then. */
  private static java.util.Optional<JsonNode> schemaNodeHolding(Error e) {
    try {
      String location = e.getSchemaLocation().toString();
      String parent = location.substring(0, location.lastIndexOf("/" + e.getKeyword()));
      return java.util.Optional.ofNullable(Schemas.registry().getSchema(SchemaLocation.of(parent)).getSchemaNode());
    } catch (RuntimeException ignored) {
      return java.util.Optional.empty();
    }
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  private static ConfigError error(Location at, String pointer, String message) {
    return new ConfigError(at, KeyAddress.of(pointer), message);
  }

  private static String article(String type) {
    if (type.isEmpty()) {
      return "a value";
    }
    // A list of types, "[string, null, object]", reads "a string, null or an object".
    List<String> each = new ArrayList<>();
    for (String t : type.replace("[", "").replace("]", "").split(",\\s*")) {
      each.add(t.equals("null") ? "null" : ("aeiou".indexOf(t.charAt(0)) >= 0 ? "an " : "a ") + t);
    }
    String last = each.remove(each.size() - 1);
    return each.isEmpty() ? last : String.join(", ", each) + " or " + last;
  }

  private static String stripInstance(String message, String instance) {
    return message.startsWith(instance + ": ") ? message.substring(instance.length() + 2) : message;
  }
}
