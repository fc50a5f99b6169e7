package org.settingsreconciler.resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What each Graph operation on a resource needs, as Microsoft's docs state it (docs/permissions.md has the facts, their
 * sources and where the docs disagree). Kept on the descriptor so sign-in, the preflight, error hints and the {@code
 * permissions} command read one source. {@code create} and {@code delete} are null for resources Graph has no POST
 * or DELETE for.
 */
public record Permissions(Access read, Access create, Access update, Access delete) {

  public Permissions {
    Objects.requireNonNull(read, "read");
    Objects.requireNonNull(update, "update");
  }

  /** A resource that is read and updated only: a singleton, or settings addressed by fixed ids. */
  public static Permissions of(Access read, Access update) {
    return new Permissions(read, null, update, null);
  }

  /** A collection: items are created, updated and deleted. */
  public static Permissions of(Access read, Access create, Access update, Access delete) {
    return new Permissions(read, Objects.requireNonNull(create, "create"), update, Objects.requireNonNull(delete));
  }

  /** What {@code op} needs; null when the resource has no such operation. */
  public Access of(Operation op) {
    return switch (op) {
      case READ -> read;
      case CREATE -> create;
      case UPDATE -> update;
      case DELETE -> delete;
    };
  }

  /** The write operations this resource has, in the order create, update, delete. */
  public List<Operation> writes() {
    List<Operation> out = new ArrayList<>();
    for (Operation op : List.of(Operation.CREATE, Operation.UPDATE, Operation.DELETE)) {
      if (of(op) != null) {
        out.add(op);
      }
    }
    return out;
  }
}
