package org.settingsreconciler.plan;

import java.util.List;
import org.settingsreconciler.resource.ResourceId;
import tools.jackson.databind.node.ObjectNode;

/** DELETE of a collection item that is in the tenant but not in the YAML, where pruning is switched on. */
public record Delete(ResourceId resource, String path, ObjectNode before, List<String> dependsOn) implements Change {

  public Delete {
    dependsOn = List.copyOf(dependsOn);
  }

  /** A delete that depends on no other change. */
  public Delete(ResourceId resource, String path, ObjectNode before) {
    this(resource, path, before, List.of());
  }

  @Override
  public Delete withDependsOn(List<String> addresses) {
    return new Delete(resource, path, before, addresses);
  }

  @Override
  public ObjectNode body() {
    return null;
  }

  @Override
  public String action() {
    return "delete";
  }

  @Override
  public String method() {
    return "DELETE";
  }
}
