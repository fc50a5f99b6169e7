package org.settingsreconciler.resource;

import java.util.List;
import java.util.Locale;

/**
 * The Graph operations the tool sends on a settings resource. Microsoft documents permissions and directory roles per
 * operation, and they differ (a profile card property needs another role to update than to create), so {@link
 * Permissions} holds one {@link Access} for each.
 */
public enum Operation {
  /** GET (plan, check, export, and the reads apply makes). */
  READ,
  /** POST to a collection (apply). */
  CREATE,
  /** PATCH (apply). */
  UPDATE,
  /** DELETE of a collection item (apply: a prune, or undoing a create). */
  DELETE;

  /** The operations a resource of this shape supports: GET and PATCH everywhere, POST and DELETE on collections. */
  public static List<Operation> of(Shape shape) {
    return shape == Shape.COLLECTION ? List.of(READ, CREATE, UPDATE, DELETE) : List.of(READ, UPDATE);
  }

  /** The operation of a change's action, as plans name it ("create", "update", "delete"). */
  public static Operation ofAction(String action) {
    return valueOf(action.toUpperCase(Locale.ROOT));
  }

  /** "read", "create", "update", "delete", as printed. */
  public String verb() {
    return name().toLowerCase(Locale.ROOT);
  }
}
