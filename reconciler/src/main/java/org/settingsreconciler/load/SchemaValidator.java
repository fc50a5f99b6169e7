package org.settingsreconciler.load;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import java.util.ArrayList;
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

  private static final String GUID_HINT = "[0-9a-fA-F]{8}-";

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
    Set<ConfigError> out = new LinkedHashSet<>();
    for (Error e : schema.validate(tree)) {
      out.add(toConfigError(e, sources));
    }
    return new ArrayList<>(out);
  }

  private ConfigError toConfigError(Error e, SourceMap sources) {
    String instance = e.getInstanceLocation().toString();
    String keyword = String.valueOf(e.getKeyword());
    switch (keyword) {
      case "additionalProperties" -> {
        String pointer = SourceMap.child(instance, e.getProperty());
        String message = "unknown key '" + e.getProperty() + "'";
        message += allowedKeys(e).map(k -> Suggestions.closest(e.getProperty(), k))
            .flatMap(s -> s).map(s -> "; did you mean '" + s + "'?").orElse("");
        return error(sources.keyLocation(pointer), pointer, message);
      }
      case "propertyNames" -> {
        String pointer = SourceMap.child(instance, e.getProperty());
        String message =
            instance.equals("/users")
                ? "'" + e.getProperty() + "' is not a user principal name (expected name@domain)"
                : "'" + e.getProperty() + "' is not an allowed key here"
                    + allowedKeys(e).map(k -> Suggestions.closest(e.getProperty(), k)).flatMap(s -> s)
                        .map(s -> "; did you mean '" + s + "'?").orElse("");
        return error(sources.keyLocation(pointer), pointer, message);
      }
      case "required" -> {
        String pointer = SourceMap.child(instance, e.getProperty());
        return error(sources.keyLocation(instance), pointer, MISSING_KEY + e.getProperty() + "'");
      }
      case "type" -> {
        Object[] args = e.getArguments();
        String found = args != null && args.length > 0 ? String.valueOf(args[0]) : "value";
        String expected = args != null && args.length > 1 ? String.valueOf(args[1]) : "";
        String message = "must be " + article(expected) + ", not " + article(found);
        JsonNode value = e.getInstanceNode();
        if (value != null && value.isString() && expected.contains("boolean")) {
          message += " ('" + value.asString() + "'; YAML 1.2 booleans are true and false)";
        }
        return error(sources.valueLocation(instance), instance, message);
      }
      case "pattern" -> {
        String pattern = e.getSchemaNode() == null ? "" : e.getSchemaNode().asString();
        String message =
            pattern.contains(GUID_HINT)
                ? "must be an Entra object id (a GUID such as 4c563cdf-0efa-44c5-a384-dbf57db277df)"
                : e.getMessage();
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

  /**
   * The names the schema object holding an additionalProperties=false or a propertyNames rule names: its
   * "properties".
   */
  private java.util.Optional<Set<String>> allowedKeys(Error e) {
    try {
      String location = e.getSchemaLocation().toString();
      String parent = location.substring(0, location.lastIndexOf("/" + e.getKeyword()));
      JsonNode node = Schemas.registry().getSchema(SchemaLocation.of(parent)).getSchemaNode();
      JsonNode properties = node.get("properties");
      if (properties == null) {
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(new LinkedHashSet<>(properties.propertyNames()));
    } catch (RuntimeException ignored) {
      return java.util.Optional.empty();
    }
  }

  private static ConfigError error(Location at, String pointer, String message) {
    return new ConfigError(at, SourceMap.dotted(pointer), message);
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
