package org.settingsreconciler.sandbox;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What a handler answers: a status, a JSON body (null for 204) and any extra headers.
 */
record SandboxResponse(int status, JsonNode body, Map<String, String> headers) {

  static SandboxResponse ok(JsonNode body) {
    return new SandboxResponse(200, body, Map.of());
  }

  static SandboxResponse created(JsonNode body) {
    return new SandboxResponse(201, body, Map.of());
  }

  static SandboxResponse noContent() {
    return new SandboxResponse(204, null, Map.of());
  }
}
