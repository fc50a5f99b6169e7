package org.settingsreconciler.auth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.settingsreconciler.model.CollectionScope;
import org.settingsreconciler.model.DesiredResource;
import org.settingsreconciler.model.DesiredState;
import org.settingsreconciler.resource.Permissions;
import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.resource.defs.ResourceRegistry;
import org.settingsreconciler.resolve.GroupReference;

/**
 * What the app registration needs for a desired state ({@code permissions PATH...}): per setting type its read and
 * write permission and whether app-only tokens may use them, then the lists to grant for a signed-in admin and for
 * an app-only pipeline. Read from the descriptors, like the preflight, so the two never disagree.
 */
public final class PermissionReport {

  private PermissionReport() {}

  public static List<String> render(DesiredState state) {
    Map<ResourceDescriptor, Integer> types = new LinkedHashMap<>();
    for (ResourceDescriptor d : ResourceRegistry.all()) {
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
    int settings = types.values().stream().mapToInt(Integer::intValue).sum();
    out.add("Microsoft Graph permissions for this desired state (" + settings + " setting(s) of " + types.size()
        + " type(s)):");
    out.add("");
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"setting", "read", "write", "app-only tokens"});
    for (ResourceDescriptor d : types.keySet()) {
      Permissions p = d.permissions();
      rows.add(new String[] {d.type() + (d.globalOnly() ? " *" : ""), p.read(), p.write(), appOnly(p)});
    }
    out.addAll(table(rows));
    out.add("");
    Set<String> delegatedRead = new LinkedHashSet<>();
    Set<String> delegatedWrite = new LinkedHashSet<>();
    Set<String> appRead = new LinkedHashSet<>();
    Set<String> appWrite = new LinkedHashSet<>();
    List<String> noAppRead = new ArrayList<>();
    List<String> noAppWrite = new ArrayList<>();
    for (ResourceDescriptor d : types.keySet()) {
      Permissions p = d.permissions();
      delegatedRead.add(p.read());
      delegatedWrite.add(p.write());
      if (p.appOnlyRead()) {
        appRead.add(p.read());
      } else {
        noAppRead.add(d.type());
      }
      if (p.appOnlyWrite()) {
        appWrite.add(p.write());
      } else {
        noAppWrite.add(d.type());
      }
    }
    out.add("A signed-in admin (login, azure-cli): delegated permissions of the app registration");
    out.add("  plan, check, export:  " + String.join(", ", delegatedRead));
    out.add("  apply:                " + String.join(", ", delegatedWrite) + "  (each includes its Read)");
    if (types.containsKey(org.settingsreconciler.resource.defs.LimitedMode.DESCRIPTOR)) {
      out.add("  copilot.limitedMode also needs the admin's role: Global Reader to read, Global Administrator to "
          + "write.");
    }
    out.add("An app-only pipeline (client-secret, certificate, workload-identity, managed-identity): application "
        + "permissions");
    out.add("  plan, check, export:  " + (appRead.isEmpty() ? "(none)" : String.join(", ", appRead)));
    out.add("  apply:                " + (appWrite.isEmpty() ? "(none)" : String.join(", ", appWrite)));
    if (!noAppRead.isEmpty()) {
      out.add("  App-only tokens cannot read " + String.join(", ", noAppRead) + ": they need a signed-in admin.");
    }
    List<String> writeOnly = new ArrayList<>(noAppWrite);
    writeOnly.removeAll(noAppRead);
    if (!writeOnly.isEmpty()) {
      out.add("  App-only tokens cannot write " + String.join(", ", writeOnly) + ": apply them as a signed-in admin.");
    }
    if (!GroupReference.in(state).isEmpty()) {
      // Microsoft's "List groups": GroupMember.Read.All is the least privileged, delegated and application alike.
      out.add("Group names ({group: name}) are looked up in the directory: GroupMember.Read.All (or Group.Read.All), "
          + "delegated or application, for plan, check and apply alike.");
    }
    // Microsoft's "Get organization": User.Read delegated, Organization.Read.All as an application. Optional: the
    // tenant's name is for headings; without it they show the tenant id (from the token), and nothing else changes.
    out.add("Optional, to name the tenant in headings and the apply prompt: User.Read (delegated) or "
        + "Organization.Read.All (application); without it they show the tenant id alone.");
    if (types.keySet().stream().anyMatch(ResourceDescriptor::globalOnly)) {
      out.add("* exists in the global cloud only.");
    }
    out.add("Add them in the Entra admin center (App registrations > API permissions > Microsoft Graph), then grant "
        + "admin consent.");
    return out;
  }

  private static String appOnly(Permissions p) {
    if (p.appOnlyRead() && p.appOnlyWrite()) {
      return "read and write";
    }
    if (p.appOnlyRead()) {
      return "read only (writes need a signed-in admin)";
    }
    return "no (a signed-in admin only)";
  }

  private static List<String> table(List<String[]> rows) {
    int[] widths = new int[rows.get(0).length];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        widths[i] = Math.max(widths[i], r[i].length());
      }
    }
    List<String> out = new ArrayList<>();
    for (String[] r : rows) {
      StringBuilder b = new StringBuilder(" ");
      for (int i = 0; i < r.length; i++) {
        b.append(' ').append(i == r.length - 1 ? r[i] : String.format("%-" + widths[i] + "s ", r[i]));
      }
      out.add(b.toString().stripTrailing());
    }
    return out;
  }
}
