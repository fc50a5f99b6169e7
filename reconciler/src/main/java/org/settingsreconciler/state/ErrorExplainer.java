package org.settingsreconciler.state;

import org.settingsreconciler.graph.GraphError;
import org.settingsreconciler.resource.Access;
import org.settingsreconciler.resource.ErrorHint;
import org.settingsreconciler.resource.Operation;
import org.settingsreconciler.resource.ResourceDescriptor;

/**
 * Adds what a Graph error means for one resource: its documented codes, and the permission and directory role a 403
 * points to.
 */
public final class ErrorExplainer {

  private ErrorExplainer() {}

  public static GraphError explain(ResourceDescriptor d, GraphError e, Operation op) {
    for (ErrorHint h : d.errorHints()) {
      if (h.status() == e.status() && (h.code() == null || e.hasCode(h.code()))) {
        return e.withHint(h.explanation());
      }
    }
    if (e.status() == 401) {
      return e.withHint("the access token was rejected: it is missing, expired, or issued for another audience");
    }
    if (e.status() == 403) {
      Access a = d.permissions().of(op);
      return e.withHint(
          d.title() + " needs " + a.delegated() + (a.appOnly() ? "" : " with delegated (signed-in user) sign-in")
              + a.namedRole().map(r -> ", and a signed-in user needs the " + r + " role").orElse(""));
    }
    return e;
  }
}
