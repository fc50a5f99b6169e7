package org.settingsreconciler.resource;

/**
 * The least-privileged Microsoft Graph permissions a resource needs, as the docs state them (see
 * shared/graph-api.md section 8). Kept on the descriptor so sign-in and preflight read one source.
 *
 * @param appOnlyRead whether an application (app-only) token may read it
 * @param appOnlyWrite whether an application (app-only) token may write it
 */
public record Permissions(String read, String write, boolean appOnlyRead, boolean appOnlyWrite) {

  public static Permissions delegatedOnly(String read, String write) {
    return new Permissions(read, write, false, false);
  }

  public static Permissions delegatedOrApp(String read, String write) {
    return new Permissions(read, write, true, true);
  }
}
