package org.settingsreconciler.resource;

import java.util.List;
import java.util.Objects;

/**
 * A Graph operation the tool sends on a settings resource. Microsoft documents permissions and directory roles per
 * operation, and they differ (a profile card property needs another role to update than to create), so {@link
 * Permissions} holds one {@link Access} for each. Besides GET, POST, PATCH and DELETE, a resource may have actions
 * Graph binds to its items ({@code POST .../{id}/block}), each an operation of its own with its own permissions.
 *
 * @param verb "read", "create", "update", "delete", or the action's name ("block"), as printed
 * @param action whether this is a bound action rather than one of the four
 */
public record Operation(String verb, boolean action) {

  /** GET (plan, check, export, and the reads apply makes). */
  public static final Operation READ = new Operation("read", false);
  /** POST to a collection (apply). */
  public static final Operation CREATE = new Operation("create", false);
  /** PATCH (apply). */
  public static final Operation UPDATE = new Operation("update", false);
  /** DELETE of a collection item (apply: a prune, or undoing a create). */
  public static final Operation DELETE = new Operation("delete", false);

  private static final List<Operation> PLAIN = List.of(READ, CREATE, UPDATE, DELETE);

  public Operation {
    Objects.requireNonNull(verb);
  }

  /** The action Graph binds to a resource's items under this name ({@code POST .../{id}/{name}}). */
  public static Operation action(String name) {
    if (PLAIN.stream().anyMatch(op -> op.verb.equals(name))) {
      throw new IllegalArgumentException("\"" + name + "\" is an operation of its own, not an action's name");
    }
    return new Operation(name, true);
  }

  /** The four operations that are not actions: read, create, update, delete. */
  public static List<Operation> values() {
    return PLAIN;
  }

  /**
   * The operations a resource of this shape supports besides its actions: GET and PATCH everywhere, POST and DELETE
   * on collections.
   */
  public static List<Operation> of(Shape shape) {
    return shape == Shape.COLLECTION ? PLAIN : List.of(READ, UPDATE);
  }

  /** The operation of a change's action as plans name it ("create", "update", "delete"); not of an invoke. */
  public static Operation ofAction(String action) {
    return PLAIN.stream().filter(op -> op.verb.equals(action)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no operation is named \"" + action + "\""));
  }

  @Override
  public String toString() {
    return verb;
  }
}
