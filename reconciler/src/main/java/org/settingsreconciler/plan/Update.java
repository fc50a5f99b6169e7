package org.settingsreconciler.plan;

import java.util.List;
import java.util.Map;
import org.settingsreconciler.model.ValueOrigin;
import org.settingsreconciler.resource.ResourceId;
import tools.jackson.databind.node.ObjectNode;

/**
 * PATCH with only what differs, plus what the API requires in every PATCH.
 *
 * @param before the tenant's value of every property in the body, as planned against
 * @param properties the properties that differ (a body may also carry unchanged required ones)
 * @param reason why the tool plans this beyond "the YAML says so", or null (e.g. a prune that must reset)
 * @param dependsOn see {@link Change#dependsOn()}
 * @param resentOrigins for a property the body carries unchanged, how the YAML wrote it (a group's name), so the plan
 *     shows the name beside the id as it does for a changed one; empty when none was written by name
 */
public record Update(
    ResourceId resource,
    String path,
    ObjectNode body,
    ObjectNode before,
    List<PropertyChange> properties,
    String reason,
    List<String> dependsOn,
    Map<String, ValueOrigin> resentOrigins)
    implements Change {

  public Update {
    dependsOn = List.copyOf(dependsOn);
    resentOrigins = Map.copyOf(resentOrigins);
  }

  /** An update whose unchanged properties carry no names. */
  public Update(
      ResourceId resource, String path, ObjectNode body, ObjectNode before, List<PropertyChange> properties,
      String reason, List<String> dependsOn) {
    this(resource, path, body, before, properties, reason, dependsOn, Map.of());
  }

  /** An update that depends on no other change. */
  public Update(
      ResourceId resource, String path, ObjectNode body, ObjectNode before, List<PropertyChange> properties,
      String reason) {
    this(resource, path, body, before, properties, reason, List.of());
  }

  @Override
  public Update withDependsOn(List<String> addresses) {
    return new Update(resource, path, body, before, properties, reason, addresses, resentOrigins);
  }

  @Override
  public String action() {
    return "update";
  }

  @Override
  public String method() {
    return "PATCH";
  }
}
