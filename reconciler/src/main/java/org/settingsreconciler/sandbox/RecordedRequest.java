package org.settingsreconciler.sandbox;

import tools.jackson.databind.JsonNode;

/**
 * One request as the sandbox received it, so tests can assert what a client actually sent.
 *
 * @param method the HTTP method
 * @param path the path relative to {@code /beta} with its raw query, e.g. {@code /users?$top=2}
 * @param body the JSON body, or null when there was none or it was not JSON
 */
public record RecordedRequest(String method, String path, JsonNode body) {}
