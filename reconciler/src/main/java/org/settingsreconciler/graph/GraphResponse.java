package org.settingsreconciler.graph;

import tools.jackson.databind.JsonNode;

/** A successful answer from Graph. The body is null for 204 No Content. */
public record GraphResponse(int status, JsonNode body, String requestId) {}
