package org.settingsreconciler.plan;

import java.util.List;
import org.settingsreconciler.graph.GraphError;
import org.settingsreconciler.model.ValueOrigin;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The machine-readable plan that {@code plan --format json} prints, for people and pipelines to read: {@code body}
 * is exactly what apply sends, {@code before} what the tenant held when planned. Apply never reads it back: the file
 * {@code plan --out} saves is a {@link SavedPlan}, so what this shows can change without changing what apply trusts.
 */
public final class PlanJson {

  public static final int FORMAT_VERSION = 1;

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
}
