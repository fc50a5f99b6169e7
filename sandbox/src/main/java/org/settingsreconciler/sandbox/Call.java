package org.settingsreconciler.sandbox;

import java.net.URI;

/**
 * One routed request as a handler sees it.
 *
 * @param request the request
 * @param user the decoded {@code {user}} segment, or null
 * @param id the decoded item id segment, or the organization id of a path under {@code /organization/{id}/}; or
 *     null
 * @param state the tenant, locked for the duration of the call
 * @param baseUrl the sandbox root without a version, e.g. {@code http://127.0.0.1:PORT}, for next links
 * @param pageSize the most items one page of a list holds, or 0 for Graph's own paging
 */
record Call(SandboxRequest request, String user, String id, SandboxState state, URI baseUrl, int pageSize) {

  /** The user named by the {@code {user}} segment; 404 Request_ResourceNotFound when the tenant has none. */
  SandboxState.User requireUser() {
    return state.user(user).orElseThrow(() -> GraphErrors.userNotFound(user));
  }

  /**
   * For a path under {@code /organization/{id}/}: the tenant's own organization id is the only one it may name
   * (ignoring case, as Entra ids compare); any other is answered 404 Request_ResourceNotFound, as for a directory
   * object the tenant lacks.
   */
  void requireOwnOrganization() {
    if (!SandboxJson.text(state.organization().get("id")).equalsIgnoreCase(id)) {
      throw GraphErrors.directoryObjectNotFound(id);
    }
  }
}
