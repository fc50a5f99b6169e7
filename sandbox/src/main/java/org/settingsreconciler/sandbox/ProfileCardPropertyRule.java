package org.settingsreconciler.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Profile card properties (docs/graph-facts.md 6.4): only the documented directory attributes can get a card entry, and
 * since the attribute name is the item's URL id, an update cannot rename it.
 */
final class ProfileCardPropertyRule implements ServerRule {

  private static final String NAME = "directoryPropertyName";

  /** The attributes the docs allow, in their documented spelling. */
  private static final List<String> ALLOWED = allowed();

  private static List<String> allowed() {
    List<String> names =
        new ArrayList<>(List.of("UserPrincipalName", "Fax", "StreetAddress", "PostalCode", "StateOrProvince", "Alias"));
    for (int i = 1; i <= 15; i++) {
      names.add("CustomAttribute" + i);
    }
    return List.copyOf(names);
  }

  @Override
  public void checkBody(ObjectNode body, ObjectNode before) {
    JsonNode name = body.get(NAME);
    if (name == null || !name.isString()) {
      return; // absence and type errors are the generic checks' business
    }
    if (canonical(name.asString()).isEmpty()) {
      throw GraphErrors.invalidRequest(
          "The value '" + name.asString() + "' of property '" + NAME + "' is not supported. Supported values: "
              + String.join(", ", ALLOWED) + ".");
    }
    if (before != null && !name.asString().equalsIgnoreCase(String.valueOf(SandboxJson.text(before.get(NAME))))) {
      throw GraphErrors.invalidRequest("The property '" + NAME + "' cannot be changed.");
    }
  }

  @Override
  public void complete(Write write) {
    // Stored in the documented spelling, whatever case the client used.
    canonical(String.valueOf(SandboxJson.text(write.merged().get(NAME)))).ifPresent(n -> write.merged().put(NAME, n));
    // Not nullable in the metadata: a card property is shown unless it was created or set hidden.
    if (write.created() && !write.merged().hasNonNull("isVisible")) {
      write.merged().put("isVisible", true);
    }
  }

  private static Optional<String> canonical(String name) {
    return ALLOWED.stream().filter(a -> a.equalsIgnoreCase(name)).findFirst();
  }
}
