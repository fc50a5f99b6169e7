package org.settingsreconciler.resource;

import java.util.List;
import java.util.Objects;

/**
 * The YAML's switch that turns a catalog's list in the YAML into an allow-list: {@code copilot.agentsNotListed:
 * block} sends the action {@code block} to every item of {@code copilot.agents} the YAML does not name (and that does
 * not hold the value the action sets already). Nothing is ever deleted: a catalog's items are published elsewhere.
 * {@code leave} (the default) says nothing of them, and lets a layer switch off what a base layer switched on.
 *
 * @param yamlKey the switch's key, beside the catalog in its YAML section: {@code agentsNotListed}
 * @param action the action sent to every item not named, one of the descriptor's that sets a fixed value
 */
public record AllowList(String yamlKey, String action) {

  /** The switch's value that leaves the items the YAML does not name as they are. */
  public static final String LEAVE = "leave";

  public AllowList {
    Objects.requireNonNull(yamlKey);
    Objects.requireNonNull(action);
  }

  /** The values the switch takes: the action's name, or {@link #LEAVE}. */
  public List<String> values() {
    return List.of(action, LEAVE);
  }
}
