package org.settingsreconciler.load;

import tools.jackson.databind.JsonNode;

/** One desired-state file read as JSON, with where each node came from. A file with no content has a null tree. */
public record YamlDocument(String file, JsonNode tree, SourceMap sources) {}
