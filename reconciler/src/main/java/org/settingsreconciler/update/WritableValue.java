package org.settingsreconciler.update;

import java.util.LinkedHashSet;
import java.util.Set;
import org.settingsreconciler.export.Exporter;
import org.settingsreconciler.resource.PropertySpec;
import org.settingsreconciler.resource.ValueKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** The tenant's value of a property as the YAML can hold it, so that the next check finds no drift. */
final class WritableValue {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private WritableValue() {}

  /**
   * The value to write, or null when the YAML cannot hold it. A null is written where the schema allows null (as
   * export does); where it wants a list, {@code []} stands for null when the property compares them equal (sets do).
   * A set keeps the YAML's order for the items it already lists, so the diff shows only what the tenant added or
   * dropped.
   *
   * @param desired the YAML's current value, for the order of a set
   */
  static JsonNode of(PropertySpec spec, JsonNode tenant, JsonNode desired) {
    JsonNode value = tenant;
    if (!Exporter.exportable(spec, tenant)) {
      boolean list = spec.kind() == ValueKind.STRING_SET || spec.kind() == ValueKind.STRING_LIST
          || spec.kind() == ValueKind.OBJECT_LIST;
      if (!tenant.isNull() || !list) {
        return null;
      }
      value = F.arrayNode();
    }
    if (spec.kind() == ValueKind.STRING_SET && value.isArray() && desired != null && desired.isArray()) {
      value = inYamlOrder(desired, value);
    }
    return spec.comparator().satisfied(value, tenant) ? value : null;
  }

  private static ArrayNode inYamlOrder(JsonNode desired, JsonNode tenant) {
    Set<JsonNode> have = new LinkedHashSet<>();
    tenant.forEach(have::add);
    Set<JsonNode> ordered = new LinkedHashSet<>();
    desired.forEach(n -> {
      if (have.contains(n)) {
        ordered.add(n);
      }
    });
    ordered.addAll(have);
    ArrayNode out = F.arrayNode();
    ordered.forEach(out::add);
    return out;
  }
}
