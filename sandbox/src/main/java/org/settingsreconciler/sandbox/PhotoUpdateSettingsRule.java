package org.settingsreconciler.sandbox;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Photo update settings (docs/graph-facts.md 6.5): {@code source} is the photoUpdateSource enum, and the object is the
 * one
 * singleton with a documented DELETE (204), which the sandbox treats as a reset to the defaults. The enum is written
 * out here because the production metadata no longer has {@code source} (docs/metadata-differences.md); every other
 * value is judged by {@link MetadataValues}.
 */
final class PhotoUpdateSettingsRule implements ServerRule {

  private static final List<String> SOURCES = List.of("cloud", "onPremises", "unknownFutureValue");

  @Override
  public void checkBody(ObjectNode body, ObjectNode before) {
    JsonNode source = body.get("source");
    if (source != null && source.isString() && !SOURCES.contains(source.asString())) {
      throw GraphErrors.invalidRequest(
          "The value '" + source.asString() + "' of property 'source' is not a valid photoUpdateSource.");
    }
  }

  @Override
  public boolean deletableSingleton() {
    return true;
  }
}
