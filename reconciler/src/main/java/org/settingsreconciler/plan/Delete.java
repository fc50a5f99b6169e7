package org.settingsreconciler.plan;

import org.settingsreconciler.resource.ResourceId;
import tools.jackson.databind.node.ObjectNode;

/** DELETE of a collection item that is in the tenant but not in the YAML, where pruning is switched on. */
public record Delete(ResourceId resource, String path, ObjectNode before) implements Change {

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
