package org.settingsreconciler.resource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What each Graph operation on a resource needs, as Microsoft's docs state it (docs/permissions.md has the facts, their
 * sources and where the docs disagree). Kept on the descriptor so sign-in, the preflight, error hints and the {@code
 * permissions} command read one source. {@code create} and {@code delete} are null for resources Graph has no POST
 * or DELETE for.
 *
 * @param actions what each action Graph binds to the resource's items needs, by the action's name, in the order the
 *     descriptor lists them (see {@link BoundAction})
 */
public record Permissions(Access read, Access create, Access update, Access delete, Map<String, Access> actions) {

  public Permissions {
    Objects.requireNonNull(read, "read");
    Objects.requireNonNull(update, "update");
    actions = Collections.unmodifiableMap(new LinkedHashMap<>(actions));
  }

  /** A resource without bound actions. */
  public Permissions(Access read, Access create, Access update, Access delete) {
    this(read, create, update, delete, Map.of());
  }

  /** A resource that is read and updated only: a singleton, or settings addressed by fixed ids. */
  public static Permissions of(Access read, Access update) {
    return new Permissions(read, null, update, null);
  }

  /** A collection: items are created, updated and deleted. */
  public static Permissions of(Access read, Access create, Access update, Access delete) {
    return new Permissions(read, Objects.requireNonNull(create, "create"), update, Objects.requireNonNull(delete));
  }

  /** These permissions, and what the action {@code name} needs. */
  public Permissions withAction(String name, Access access) {
    Map<String, Access> more = new LinkedHashMap<>(actions);
    more.put(Objects.requireNonNull(name), Objects.requireNonNull(access, name));
    return new Permissions(read, create, update, delete, more);
  }

  /** What {@code op} needs; null when the resource has no such operation. */
  public Access of(Operation op) {
    if (op.action()) {
      return actions.get(op.verb());
    }
    return switch (op.verb()) {
      case "read" -> read;
      case "create" -> create;
      case "update" -> update;
      case "delete" -> delete;
      default -> throw new IllegalArgumentException(op.verb());
    };
  }

  /** The write operations this resource has, in the order create, update, delete, then its actions. */
  public List<Operation> writes() {
    List<Operation> out = new ArrayList<>();
    for (Operation op : List.of(Operation.CREATE, Operation.UPDATE, Operation.DELETE)) {
      if (of(op) != null) {
        out.add(op);
      }
    }
    actions.keySet().forEach(name -> out.add(Operation.action(name)));
    return out;
  }
}
