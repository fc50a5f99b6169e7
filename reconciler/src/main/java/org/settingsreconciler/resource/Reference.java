package org.settingsreconciler.resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * A property whose values name items of another collection by their key, as a profile property setting's
 * prioritizedSourceUrls name profile sources ({@code ...profileSources(sourceId='hr1')}). What a value names must exist
 * when the value is sent, and must not be deleted while a value names it: so a plan orders the changes by it (the
 * named item's create first, its delete after the values stop naming it) and refuses YAML whose value names an item
 * that neither the YAML nor the tenant has.
 *
 * @param property the property holding the references: a string, or a list of strings
 * @param targetType the type of the tenant-wide collection whose items it names
 * @param keyIn the key of the item one value names, or empty when the value names none of them (another kind of URL,
 *     which is left alone)
 * @param builtIn whether a key names an item Graph always has and never deletes (the Entra ID profile source)
 */
public record Reference(
    String property, String targetType, Function<String, Optional<String>> keyIn, Predicate<String> builtIn) {

  /** One value that names an item: where it is in the property's value (its list index, or -1) and the key. */
  public record Named(int index, String key) {}

  /** What a value of the property names, in order; nothing for null or a value of another kind. */
  public List<Named> namedIn(JsonNode value) {
    List<Named> out = new ArrayList<>();
    if (value == null) {
      return out;
    }
    if (value.isString()) {
      keyIn.apply(value.asString()).ifPresent(k -> out.add(new Named(-1, k)));
    } else if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        JsonNode item = value.get(i);
        final int index = i;
        if (item.isString()) {
          keyIn.apply(item.asString()).ifPresent(k -> out.add(new Named(index, k)));
        }
      }
    }
    return out;
  }

  /** The keys a value names, in order. */
  public List<String> keysIn(JsonNode value) {
    return namedIn(value).stream().map(Named::key).toList();
  }
}
