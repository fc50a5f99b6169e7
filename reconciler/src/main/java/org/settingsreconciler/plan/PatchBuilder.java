package org.settingsreconciler.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.settingsreconciler.model.DesiredResource;
import org.settingsreconciler.model.ValueOrigin;
import org.settingsreconciler.resource.PropertySpec;
import org.settingsreconciler.resource.ResourceDescriptor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decides the PATCH body for an object the tenant has: the properties whose desired value the tenant does not
 * already satisfy, then those the API requires in every PATCH, then the resource's own rule. This is the only
 * place a PATCH body is decided.
 */
final class PatchBuilder {

  private PatchBuilder() {}

  /** The PATCH for {@code desired} against {@code current}, or empty when nothing differs. */
  static Optional<Patch> build(DesiredResource desired, JsonNode current, PropertyChange keyRename) {
    ResourceDescriptor d = desired.id().descriptor();
    ObjectNode want = desired.properties();
    ObjectNode have = current != null && current.isObject() ? (ObjectNode) current : JsonNodeFactory.instance.objectNode();
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    List<PropertyChange> changes = new ArrayList<>();
    if (keyRename != null) {
      body.set(keyRename.name(), keyRename.after());
      changes.add(keyRename);
      fallbackRename(d, have, keyRename).ifPresent(c -> {
        body.set(c.name(), c.after());
        changes.add(c);
      });
    }
    for (PropertySpec p : d.properties()) {
      if (!want.has(p.name()) || d.setByAction(p.name())) {
        continue; // not managed, or set by an action (see ActionPlanner), never by PATCH
      }
      JsonNode after = want.get(p.name());
      JsonNode before = have.get(p.name());
      if (!p.comparator().satisfied(after, before)) {
        body.set(p.name(), after);
        changes.add(
            new PropertyChange(
                p.name(), orNull(before), after, desired.propertyLocations().get(p.name()), desired.origin(p.name())));
      }
    }
    if (changes.isEmpty()) {
      return Optional.empty();
    }
    for (PropertySpec p : d.properties()) {
      if (p.requiredInPatch() && !body.has(p.name())) {
        body.set(p.name(), want.has(p.name()) ? want.get(p.name()) : orNull(have.get(p.name())));
      }
    }
    d.patchRule().complete(body, want, have);
    // What the body carries unchanged, written by name in the YAML: the plan shows the name as for a changed value.
    Map<String, ValueOrigin> resentOrigins = new LinkedHashMap<>();
    for (String name : body.propertyNames()) {
      ValueOrigin origin = desired.origin(name);
      boolean changed = changes.stream().anyMatch(c -> c.name().equals(name));
      if (!changed && origin != null && origin.writtenAs() != null && body.get(name).equals(want.get(name))) {
        resentOrigins.put(name, origin);
      }
    }
    return Optional.of(new Patch(body, beforeOf(body, have), changes, resentOrigins));
  }

  /**
   * A rename writes the key's older property too (a profile property setting's name) where it spelled the old key,
   * as a create writes both alike; one that spells something else is the tenant's and left alone.
   */
  private static Optional<PropertyChange> fallbackRename(ResourceDescriptor d, ObjectNode have,
      PropertyChange keyRename) {
    String fallback = d.key() == null ? null : d.key().fallback();
    JsonNode old = fallback == null ? null : have.get(fallback);
    JsonNode renamed = keyRename.before();
    if (old == null || !old.isString() || renamed == null || !renamed.isString()
        || !old.asString().equalsIgnoreCase(renamed.asString()) || old.equals(keyRename.after())) {
      return Optional.empty();
    }
    return Optional.of(new PropertyChange(fallback, old, keyRename.after(), keyRename.source()));
  }

  /**
   * The PATCH that undoes an applied one (apply --rollback-on-failure): every property it set, back to the value it
   * replaced; then those the API requires in every PATCH and the resource's own rule, as for any PATCH.
   *
   * @param now the tenant's copy of the object after the applied PATCH, or null when it could not be read
   */
  static ObjectNode revert(Update applied, JsonNode now) {
    ResourceDescriptor d = applied.resource().descriptor();
    ObjectNode have = now != null && now.isObject() ? (ObjectNode) now : JsonNodeFactory.instance.objectNode();
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    applied.body().propertyNames().forEach(name -> body.set(name, orNull(applied.before().get(name))));
    for (PropertySpec p : d.properties()) {
      if (p.requiredInPatch() && !body.has(p.name())) {
        body.set(p.name(), orNull(have.get(p.name())));
      }
    }
    d.patchRule().complete(body, body.deepCopy(), have);
    return body;
  }

  /** The tenant's value of every property a body sets: what a saved plan checks before it is applied. */
  static ObjectNode beforeOf(ObjectNode body, JsonNode have) {
    ObjectNode before = JsonNodeFactory.instance.objectNode();
    body.propertyNames().forEach(name -> before.set(name, orNull(have == null ? null : have.get(name))));
    return before;
  }

  static JsonNode orNull(JsonNode n) {
    return n == null || n.isMissingNode() ? JsonNodeFactory.instance.nullNode() : n;
  }

  /** A PATCH; {@code resentOrigins} names how the YAML wrote the unchanged properties it carries (see Update). */
  record Patch(ObjectNode body, ObjectNode before, List<PropertyChange> changes,
      Map<String, ValueOrigin> resentOrigins) {}
}
