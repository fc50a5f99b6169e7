package org.settingsreconciler.state;

import java.util.List;
import org.settingsreconciler.graph.GraphClient;
import org.settingsreconciler.graph.GraphError;
import org.settingsreconciler.graph.GraphException;
import org.settingsreconciler.resource.Access;
import tools.jackson.databind.JsonNode;

/**
 * The tenant's organization object: its id and display name, to name the tenant in plan headings, the apply
 * prompt and saved plans. Reading it is best effort: {@code GET /organization} needs a permission ({@link #ACCESS})
 * that a settings-only app may lack, and not knowing the name must not stop a plan. Either field is null when it
 * could not be read, or when the answer holds anything but one object with string fields.
 */
public record Organization(String id, String displayName) {

  /** Microsoft's "Get organization": User.Read delegated, Organization.Read.All as an application; no role. */
  public static final Access ACCESS = new Access("User.Read", "Organization.Read.All", Access.NO_ROLE);

  /** Under the version the run's root chooses for directory reads (v1.0 unless it names beta). */
  static final String PATH = "/organization?$select=id,displayName";

  static final Organization UNKNOWN = new Organization(null, null);

  public static Organization read(GraphClient client) {
    List<JsonNode> items;
    try {
      items = client.list(client.versions().directoryPath(PATH));
    } catch (GraphException | RuntimeException e) {
      return UNKNOWN;
    }
    if (items.size() != 1 || !items.get(0).isObject()) {
      return UNKNOWN;
    }
    JsonNode org = items.get(0);
    return new Organization(text(org.get("id")), text(org.get("displayName")));
  }

  /** A string field, on one line as headings show it. */
  private static String text(JsonNode n) {
    return n != null && n.isString() && !n.asString().isBlank() ? GraphError.oneLine(n.asString()) : null;
  }
}
