package org.settingsreconciler.access;

import org.settingsreconciler.text.Plural;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.settingsreconciler.model.CollectionScope;
import org.settingsreconciler.model.DesiredResource;
import org.settingsreconciler.model.DesiredState;
import org.settingsreconciler.resolve.GroupDirectory;
import org.settingsreconciler.resolve.NameReference;
import org.settingsreconciler.resolve.UserDirectory;
import org.settingsreconciler.resource.Access;
import org.settingsreconciler.resource.Operation;
import org.settingsreconciler.resource.Permissions;
import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.resource.defs.ResourceRegistry;
import org.settingsreconciler.state.Organization;

/**
 * What the app registration and the signed-in admin need for a desired state ({@code permissions PATH...}), or for
 * every setting the tool manages ({@code permissions} alone): per setting type and operation the delegated and the
 * application permission and the admin's directory role, then what to grant for a signed-in admin and for an app-only
 * pipeline. Read from the descriptors, like the preflight, so the two never disagree.
 */
public final class PermissionReport {

  /** A directory lookup a desired state may need beside its settings: group names, user principal names. */
  private record Lookup(String name, Access access, String sentence) {}

  private static final Lookup GROUPS = new Lookup("{group: name} lookups", GroupDirectory.ACCESS,
      "Group names ({group: name}) are looked up in the directory before plan, check and apply: "
          + GroupDirectory.ACCESS.delegated() + ", the least privileged the docs name (Group.Read.All or "
          + "Directory.Read.All also do), delegated or application.");

  private static final Lookup USERS = new Lookup("{user: upn} lookups", UserDirectory.ACCESS,
      "User principal names ({user: upn}) are looked up in the directory before plan, check and apply: "
          + UserDirectory.ACCESS.delegated() + ", the least privileged the docs name (User.Read.All or "
          + "Directory.Read.All also do), delegated or application.");

  /** The role that includes every other: where one operation of a type needs it, the others need nothing more. */
  private static final String GLOBAL_ADMINISTRATOR = "Global Administrator";

  private PermissionReport() {}

  /** The report for {@code state}; for every setting type when {@code state} is null (no desired state given). */
  public static List<String> render(DesiredState state) {
    Map<ResourceDescriptor, Integer> types = new LinkedHashMap<>();
    for (ResourceDescriptor d : ResourceRegistry.all()) {
      if (state == null) {
        types.put(d, 0);
        continue;
      }
      int n = 0;
      for (DesiredResource r : state.resources()) {
        n += r.id().descriptor() == d ? 1 : 0;
      }
      boolean collection = false;
      for (CollectionScope c : state.collections()) {
        collection |= c.descriptor() == d;
      }
      if (n > 0 || collection) {
        types.put(d, n);
      }
    }
    List<String> out = new ArrayList<>();
    if (types.isEmpty()) {
      out.add("The desired state manages no settings, so it needs no permissions.");
      return out;
    }
    // Without a desired state, any YAML may name groups and users (and export --group-names looks groups up by id).
    List<Lookup> lookups = new ArrayList<>();
    if (state == null || !NameReference.in(state, NameReference.Kind.GROUP).isEmpty()) {
      lookups.add(GROUPS);
    }
    if (state == null || !NameReference.in(state, NameReference.Kind.USER).isEmpty()) {
      lookups.add(USERS);
    }
    int settings = types.values().stream().mapToInt(Integer::intValue).sum();
    out.add(state == null
        ? "Microsoft Graph permissions for every setting the tool manages (" + Plural.count(types.size(), "type")
            + "):"
        : "Microsoft Graph permissions for this desired state (" + Plural.count(settings, "setting") + " of "
            + Plural.count(types.size(), "type") + "):");
    out.add("");
    out.addAll(table(types.keySet(), lookups));
    out.add("  read: plan, check, export (and apply, which plans first); create, update, delete"
        + (types.keySet().stream().anyMatch(d -> !d.actions().isEmpty()) ? " and actions (POST .../{id}/<action>)" : "")
        + ": apply.");
    out.add("  role: the least privileged Microsoft Entra role Microsoft's docs name for a signed-in admin");
    out.add("  (\"" + Access.NO_ROLE + "\": they name none); app-only tokens need no role.");
    out.add("");
    out.addAll(delegated(types.keySet(), lookups));
    out.addAll(appOnly(types.keySet(), lookups));
    lookups.forEach(l -> out.add(l.sentence()));
    out.add("Optional, to name the tenant in headings and the apply prompt: " + Organization.ACCESS.delegated()
        + " (delegated) or " + Organization.ACCESS.application() + " (application); without it they show the tenant "
        + "id alone.");
    if (types.keySet().stream().anyMatch(ResourceDescriptor::globalOnly)) {
      out.add("* exists in the global cloud only.");
    }
    out.add("Add them in the Entra admin center (App registrations > API permissions > Microsoft Graph), then grant "
        + "admin consent. Assign roles in Entra ID > Roles and administrators.");
    return out;
  }

  /** One row per setting type and operation, then the lookups. */
  private static List<String> table(Set<ResourceDescriptor> types, List<Lookup> lookups) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"setting", "operation", "delegated", "application", "role (signed-in admin)"});
    for (ResourceDescriptor d : types) {
      String name = d.type() + (d.globalOnly() ? " *" : "");
      boolean appReads = d.permissions().read().appOnly();
      for (Operation op : d.operations()) {
        rows.add(row(name, op, d.permissions().of(op), appReads));
        name = ""; // the type once, on its first operation
      }
    }
    lookups.forEach(l -> rows.add(row(l.name(), Operation.READ, l.access(), true)));
    return TextTable.render(rows);
  }

  /**
   * One operation's row. A write the docs allow app-only on a type whose read they do not (users.settings) is no use
   * to an app-only pipeline: apply plans first, and it cannot read what it would change; the row says so rather than
   * name a permission that would not help.
   */
  private static String[] row(String name, Operation op, Access a, boolean appReads) {
    String application = !a.appOnly() ? "not supported"
        : appReads || op == Operation.READ ? a.application()
        : "not usable (no read)";
    return new String[] {name, op.verb(), a.delegated(), application, a.role()};
  }

  /** What a signed-in admin's app registration needs, and the admin's roles, for reads and for apply. */
  private static List<String> delegated(Set<ResourceDescriptor> types, List<Lookup> lookups) {
    Set<String> read = new LinkedHashSet<>();
    Set<String> write = new LinkedHashSet<>();
    for (ResourceDescriptor d : types) {
      Permissions p = d.permissions();
      read.add(p.read().delegated());
      p.writes().forEach(op -> write.add(p.of(op).delegated()));
    }
    for (Lookup l : lookups) {
      read.add(l.access().delegated());
      write.add(l.access().delegated());
    }
    List<String> out = new ArrayList<>();
    out.add("A signed-in admin (login, azure-cli): delegated permissions of the app registration, and the admin's "
        + "role");
    out.add("  plan, check, export:  " + String.join(", ", read));
    out.add("                        role: " + roles(types, d -> List.of(Operation.READ)));
    out.add("  apply:                " + String.join(", ", write) + "  (each ReadWrite includes its Read)");
    out.add("                        role: " + roles(types, ResourceDescriptor::operations));
    return out;
  }

  /**
   * The roles the docs name for {@code ops} of {@code types}, each with the setting types it is for. A type that needs
   * Global Administrator for any of them is listed under it alone: that role includes every other.
   */
  private static String roles(Set<ResourceDescriptor> types, Function<ResourceDescriptor, List<Operation>> ops) {
    Map<String, List<String>> byRole = new LinkedHashMap<>();
    for (ResourceDescriptor d : types) {
      Set<String> roles = new LinkedHashSet<>();
      for (Operation op : ops.apply(d)) {
        Access a = d.permissions().of(op);
        if (a != null) {
          a.namedRole().ifPresent(roles::add);
        }
      }
      if (roles.contains(GLOBAL_ADMINISTRATOR)) {
        roles.retainAll(Set.of(GLOBAL_ADMINISTRATOR));
      }
      roles.forEach(r -> byRole.computeIfAbsent(r, k -> new ArrayList<>()).add(d.type()));
    }
    if (byRole.isEmpty()) {
      return Access.NO_ROLE;
    }
    List<String> parts = new ArrayList<>();
    byRole.forEach((role, what) -> parts.add(role + " (" + String.join(", ", what) + ")"));
    return String.join("; ", parts) + (byRole.size() > 1 ? "  (Global Administrator includes every role)" : "");
  }

  /** What an app-only pipeline's app registration needs, and what it cannot do. */
  private static List<String> appOnly(Set<ResourceDescriptor> types, List<Lookup> lookups) {
    Set<String> read = new LinkedHashSet<>();
    Set<String> write = new LinkedHashSet<>();
    List<String> noRead = new ArrayList<>();
    List<String> noWrite = new ArrayList<>();
    for (ResourceDescriptor d : types) {
      Permissions p = d.permissions();
      if (p.read().appOnly()) {
        read.add(p.read().application());
      } else {
        noRead.add(d.type());
      }
      boolean writes = p.read().appOnly(); // apply plans first: what app-only cannot read, it cannot apply
      for (Operation op : p.writes()) {
        writes &= p.of(op).appOnly();
      }
      if (writes) {
        p.writes().forEach(op -> write.add(p.of(op).application()));
      } else if (p.read().appOnly()) {
        noWrite.add(d.type());
      }
    }
    for (Lookup l : lookups) {
      if (!read.isEmpty()) {
        read.add(l.access().application());
        write.add(l.access().application());
      }
    }
    List<String> out = new ArrayList<>();
    out.add("An app-only pipeline (client-secret, certificate, workload-identity, managed-identity): application "
        + "permissions");
    out.add("  plan, check, export:  " + (read.isEmpty() ? "(none)" : String.join(", ", read)));
    out.add("  apply:                " + (write.isEmpty() ? "(none)" : String.join(", ", write)));
    if (!noRead.isEmpty()) {
      out.add("  App-only tokens cannot read " + String.join(", ", noRead) + ", so cannot plan, check, export or apply "
          + (noRead.size() == 1 ? "it" : "them") + ": " + (noRead.size() == 1 ? "it needs" : "they need")
          + " a signed-in admin.");
    }
    if (!noWrite.isEmpty()) {
      out.add("  App-only tokens cannot write " + String.join(", ", noWrite) + ": apply them as a signed-in admin.");
    }
    return out;
  }
}
