package org.settingsreconciler.render;

import java.util.ArrayList;
import java.util.List;

import org.settingsreconciler.model.ValueOrigin;
import org.settingsreconciler.plan.PropertyChange;
import org.settingsreconciler.plan.Update;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * How every plan format words a desired value and where it came from, so text, Markdown and JUnit agree. Without
 * layers or group names this is just the JSON value and {@code file:line:column}, as before either existed.
 */
public final class ProvenanceText {

  private ProvenanceText() {}

  /** The desired value; one written as a group or user name shows the name, then the id it resolved to. */
  public static String after(PropertyChange p) {
    return labelled(p.after(), p.writtenAs());
  }

  /**
   * A property an update carries unchanged, as {@link #after} words a changed one: a group written by name shows the
   * name, then the id.
   */
  public static String resent(Update u, String property) {
    ValueOrigin origin = u.resentOrigins().get(property);
    return labelled(u.body().get(property), origin == null ? null : origin.writtenAs());
  }

  /** A value as JSON, led by the group name it was written as: {@code "Copilot Pilot" (edbfe4fb-...)}. */
  static String labelled(JsonNode value, String groupName) {
    String json = value == null ? "null" : value.toString();
    if (groupName == null || value == null || !value.isString()) {
      return json;
    }
    return JsonNodeFactory.instance.stringNode(groupName) + " (" + value.asString() + ")";
  }

  /**
   * The entries of a list that were written by name, with the ids they resolved to: {@code {group: "Sales"} is
   * 9b0f5c1e-..., {user: "alex@contoso.com"} is 9a1b7f4c-...}; null when none was.
   */
  public static String names(PropertyChange p) {
    if (p.namedEntries().isEmpty()) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    p.namedEntries().forEach(e -> parts.add("{" + e.kind() + ": " + JsonNodeFactory.instance.stringNode(e.name())
        + "} is " + e.id()));
    return String.join(", ", parts);
  }

  /**
   * Where the desired value was written: {@code file:line:column}, with layers
   * {@code layer prod tenants/prod/copilot.yaml:4:23 (overrides baseline baseline/copilot.yaml:9:23: null)}. Null when
   * the tool chose the value itself.
   */
  public static String source(PropertyChange p) {
    if (p.source() == null) {
      return null;
    }
    ValueOrigin origin = p.origin();
    if (origin == null || origin.layer() == null) {
      return p.source().toString();
    }
    String text = "layer " + origin.layer() + " " + p.source();
    ValueOrigin.Overridden o = origin.overrode();
    if (o != null) {
      text += " (overrides " + o.layer() + " " + o.at() + ": " + (o.value() == null ? "null" : o.value()) + ")";
    }
    return text;
  }
}
