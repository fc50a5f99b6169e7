package org.settingsreconciler.plan;

import java.util.ArrayList;
import java.util.List;
import org.settingsreconciler.graph.GraphError;
import org.settingsreconciler.model.ValueOrigin;
import org.settingsreconciler.resource.AddressParser;
import org.settingsreconciler.resource.ResourceId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The machine-readable plan: what {@code plan --format json} prints and {@code plan --out} saves, and what
 * {@code apply --plan} reads back. {@code body} is exactly what apply sends; {@code before} is what the tenant held
 * when planned, so a saved plan can refuse to apply over changes made since.
 */
public final class PlanJson {

  public static final int FORMAT_VERSION = 1;

  /** The saved plan's list of the secret values it holds (see {@link #setSecretValues}). */
  static final String SECRET_VALUES = "secretValues";

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private PlanJson() {}

  public static ObjectNode write(Plan plan) {
    ObjectNode root = F.objectNode();
    root.put("formatVersion", FORMAT_VERSION);
    ArrayNode changes = root.putArray("changes");
    for (Change c : plan.changes()) {
      ObjectNode n = changes.addObject();
      n.put("address", c.address());
      n.put("action", c.action());
      n.put("method", c.method());
      n.put("path", c.path());
      n.set("body", c.body() == null ? F.nullNode() : c.body());
      n.set("before", c.before() == null ? F.nullNode() : c.before());
      List<PropertyChange> props = properties(c);
      if (!props.isEmpty()) {
        ArrayNode ps = n.putArray("properties");
        for (PropertyChange p : props) {
          ObjectNode pn = ps.addObject();
          pn.put("name", p.name());
          pn.set("before", p.before() == null ? F.nullNode() : p.before());
          pn.set("after", p.after());
          if (p.source() != null) {
            pn.put("source", p.source().toString());
          }
          writeOrigin(pn, p.origin());
        }
      }
      if (c instanceof Update u && u.reason() != null) {
        n.put("reason", u.reason());
      }
      Destructive.reason(c).ifPresent(r -> n.put("destructive", r));
    }
    ArrayNode failures = root.putArray("failures");
    for (ReadFailure f : plan.failures()) {
      ObjectNode n = failures.addObject();
      n.put("address", f.address());
      GraphError e = f.error();
      if (e != null) {
        n.put("status", e.status());
        n.put("code", e.code());
        n.put("innerCode", e.innerCode());
        n.put("message", e.describe());
        n.put("requestId", e.requestId());
        if (e.clientRequestId() != null) {
          n.put("clientRequestId", e.clientRequestId());
        }
      }
    }
    ObjectNode summary = root.putObject("summary");
    summary.put("create", plan.count("create"));
    summary.put("update", plan.count("update"));
    summary.put("delete", plan.count("delete"));
    summary.put("unchanged", plan.unchanged());
    summary.put("failed", plan.failures().size());
    summary.put("destructive", plan.changes().stream().filter(c -> Destructive.reason(c).isPresent()).count());
    return root;
  }

  /** The layer, the base value it replaced and the group name of a desired value, where there are any. */
  private static void writeOrigin(ObjectNode pn, ValueOrigin origin) {
    if (origin == null) {
      return;
    }
    if (origin.groupName() != null) {
      pn.put("group", origin.groupName());
    }
    if (origin.layer() != null) {
      pn.put("layer", origin.layer());
    }
    ValueOrigin.Overridden o = origin.overrode();
    if (o != null) {
      ObjectNode on = pn.putObject("overrides");
      on.put("layer", o.layer());
      on.put("source", o.at() == null ? null : o.at().toString());
      on.set("value", o.value() == null ? F.nullNode() : o.value());
    }
  }

  static List<PropertyChange> properties(Change c) {
    if (c instanceof Create cr) {
      return cr.properties();
    }
    if (c instanceof Update u) {
      return u.properties();
    }
    return List.of();
  }

  /**
   * Names the secret values a saved plan holds (the values of variables that look like secrets), so that the run
   * applying it masks them in everything it prints and reports, as the run that planned it did. They are in the
   * plan's bodies anyway: apply sends them.
   */
  public static void setSecretValues(ObjectNode root, List<String> values) {
    if (!values.isEmpty()) {
      ArrayNode list = root.putArray(SECRET_VALUES);
      values.forEach(list::add);
    }
  }

  /** The secret values a saved plan names (none when it names none); throws IllegalArgumentException if malformed. */
  public static List<String> secretValues(JsonNode root) {
    JsonNode list = root.get(SECRET_VALUES);
    if (list == null || list.isNull()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (JsonNode v : list.isArray() ? list : List.of(list)) {
      if (!v.isString() || !list.isArray()) {
        throw new IllegalArgumentException("\"" + SECRET_VALUES + "\" must be a list of strings");
      }
      out.add(v.asString());
    }
    return out;
  }

  /** Reads a saved plan's changes back; throws IllegalArgumentException naming what is wrong. */
  public static List<Change> readChanges(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("not a plan file (expected a JSON object)");
    }
    JsonNode version = root.get("formatVersion");
    if (version == null || version.asInt() != FORMAT_VERSION) {
      throw new IllegalArgumentException("unsupported plan formatVersion " + version + " (this tool reads 1)");
    }
    if (root.has("failures") && root.get("failures").size() > 0) {
      throw new IllegalArgumentException("the plan has settings that could not be read; plan again");
    }
    JsonNode changes = root.get("changes");
    if (changes == null || !changes.isArray()) {
      throw new IllegalArgumentException("a plan needs a changes array");
    }
    List<Change> out = new ArrayList<>();
    for (JsonNode n : changes) {
      String address = text(n, "address");
      ResourceId id = AddressParser.parse(address);
      String path = text(n, "path");
      if (!path.startsWith("/") || path.contains("..") || path.contains("://")) {
        throw new IllegalArgumentException(address + ": path must be relative to the Graph root: " + path);
      }
      String action = text(n, "action");
      JsonNode body = n.get("body");
      JsonNode before = n.get("before");
      Change c =
          switch (action) {
            case "create" -> new Create(id, path, object(body, address), List.of());
            case "update" -> new Update(id, path, object(body, address), object(before, address), List.of(), null);
            case "delete" -> new Delete(id, path, object(before, address));
            default -> throw new IllegalArgumentException(address + ": unknown action " + action);
          };
      if (!c.method().equals(text(n, "method"))) {
        throw new IllegalArgumentException(address + ": method does not match action " + action);
      }
      out.add(c);
    }
    return out;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isString()) {
      throw new IllegalArgumentException("a plan change lacks \"" + field + "\"");
    }
    return v.asString();
  }

  private static ObjectNode object(JsonNode n, String address) {
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException(address + ": body/before must be JSON objects");
    }
    return (ObjectNode) n;
  }
}
