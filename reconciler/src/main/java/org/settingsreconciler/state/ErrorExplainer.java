package org.settingsreconciler.state;

import org.settingsreconciler.graph.GraphError;
import org.settingsreconciler.resource.ErrorHint;
import org.settingsreconciler.resource.Permissions;
import org.settingsreconciler.resource.ResourceDescriptor;

/** Adds what a Graph error means for one resource: its documented codes, and the permission a 403 points to. */
public final class ErrorExplainer {

  private ErrorExplainer() {}

  public static GraphError explain(ResourceDescriptor d, GraphError e, boolean write) {
    for (ErrorHint h : d.errorHints()) {
      if (h.status() == e.status() && e.hasCode(h.code())) {
        return e.withHint(h.explanation());
      }
    }
    Permissions p = d.permissions();
    if (e.status() == 401) {
      return e.withHint("the access token was rejected: it is missing, expired, or issued for another audience");
    }
    if (e.status() == 403) {
      String permission = write ? p.write() : p.read();
      boolean appOnly = write ? p.appOnlyWrite() : p.appOnlyRead();
      return e.withHint(
          d.title() + " needs " + permission + (appOnly ? "" : " with delegated (signed-in user) sign-in"));
    }
    return e;
  }
}
