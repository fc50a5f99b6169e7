package org.settingsreconciler.plan;

import java.util.List;
import org.settingsreconciler.resource.ResourceId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** POST of a collection item that the YAML has and the tenant lacks. */
public record Create(
    ResourceId resource, String path, ObjectNode body, List<PropertyChange> properties, List<String> dependsOn)
    implements Change {

  public Create {
    dependsOn = List.copyOf(dependsOn);
  }

  /** A create that depends on no other change. */
  public Create(ResourceId resource, String path, ObjectNode body, List<PropertyChange> properties) {
    this(resource, path, body, properties, List.of());
  }

  @Override
  public Create withDependsOn(List<String> addresses) {
    return new Create(resource, path, body, properties, addresses);
  }

  @Override
  public JsonNode before() {
    return null;
  }

  @Override
  public String action() {
    return "create";
  }

  @Override
  public String method() {
    return "POST";
  }
}
