package org.settingsreconciler.plan;

import java.util.Optional;
import org.settingsreconciler.resource.PropertySpec;
import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.resource.ValueComparator;
import tools.jackson.databind.JsonNode;

/**
 * Which changes destroy data and so need {@code --allow-destructive} at apply: every delete, every update
 * that moves a property to a value its descriptor marks destructive, and every action its descriptor marks so
 * (blocking an agent: everyone using it loses it). Decided from the body and "before" alone, so
 * a saved plan is judged exactly like a fresh one.
 */
public final class Destructive {

  private Destructive() {}

  public static Optional<String> reason(Change c) {
    ResourceDescriptor d = c.resource().descriptor();
    if (c instanceof Delete) {
      return Optional.of("deletes this " + d.title().toLowerCase(java.util.Locale.ROOT));
    }
    if (c instanceof Invoke i) {
      return Optional.ofNullable(i.spec().destructive());
    }
    if (c.body() == null) {
      return Optional.empty();
    }
    for (PropertySpec p : d.properties()) {
      PropertySpec.Destructive rule = p.destructive();
      JsonNode after = c.body().get(p.name());
      if (rule == null || after == null || !rule.value().equals(after)) {
        continue;
      }
      JsonNode before = c.before() == null ? null : c.before().get(p.name());
      // A required property resent unchanged is not a change to the destructive value.
      if (!ValueComparator.sameJson(after, before)) {
        return Optional.of(rule.reason());
      }
    }
    return Optional.empty();
  }
}
