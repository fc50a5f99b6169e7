package org.settingsreconciler.docs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.settingsreconciler.graph.GraphVersion;
import org.settingsreconciler.resource.Access;
import org.settingsreconciler.resource.BoundAction;
import org.settingsreconciler.resource.CollectionKey;
import org.settingsreconciler.resource.ErrorHint;
import org.settingsreconciler.resource.Operation;
import org.settingsreconciler.resource.PropertySpec;
import org.settingsreconciler.resource.Reference;
import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.resource.Scope;
import org.settingsreconciler.resource.Shape;
import org.settingsreconciler.resource.defs.ResourceRegistry;

import static org.settingsreconciler.text.MarkdownText.cell;
import static org.settingsreconciler.text.MarkdownText.code;
import static org.settingsreconciler.text.MarkdownText.text;

/**
 * docs/resources/: one page per resource, written from its descriptor in the registry (the one place that knows Graph
 * paths, versions, properties, keys, permissions and clouds), and an index. Generated, never edited: see
 * {@link GeneratedDocsTest}.
 */
final class ResourcePages {

  static final String DIR = "docs/resources";

  private ResourcePages() {}

  /** File name (relative to {@link #DIR}) to its content, the index first. */
  static Map<String, String> render() {
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("README.md", index());
    for (ResourceDescriptor d : ResourceRegistry.all()) {
      pages.put(fileName(d), page(d));
    }
    return pages;
  }

  static String fileName(ResourceDescriptor d) {
    return d.type() + ".md";
  }

  private static String index() {
    StringBuilder b = new StringBuilder(GeneratedPages.header("# Resources", "ResourcePages"));
    b.append("Every setting the tool manages, in the order plans list them. Each page says where it lives in the YAML\n")
        .append("and in Graph, what it holds, and who may read and change it. The YAML format: ")
        .append("[the desired state](../guides/yaml.md).\n\n");
    b.append("| address | what it is | shape | Graph versions | clouds |\n|---|---|---|---|---|\n");
    for (ResourceDescriptor d : ResourceRegistry.all()) {
      b.append("| [").append(code(d.type())).append("](").append(fileName(d)).append(") | ")
          .append(text(d.title())).append(" | ").append(shape(d)).append(" | ").append(versions(d)).append(" | ")
          .append(clouds(d)).append(" |\n");
    }
    return b.toString();
  }

  private static String page(ResourceDescriptor d) {
    StringBuilder b = new StringBuilder(GeneratedPages.header("# " + code(d.type()), "ResourcePages"));
    b.append(text(d.title())).append(". [All resources](README.md).\n\n");
    b.append("| | |\n|---|---|\n");
    b.append("| YAML | ").append(cell(yamlPath(d))).append(" |\n");
    b.append("| shape | ").append(shape(d)).append(" |\n");
    b.append("| Graph path | ").append(cell(d.path())).append(" |\n");
    b.append("| Graph versions | ").append(versions(d)).append("; sent to ").append(sentTo(d)).append(" |\n");
    b.append("| OData type | ").append(d.odataType() == null ? "none named" : cell(d.odataType())).append(" |\n");
    b.append("| clouds | ").append(clouds(d)).append(" |\n");
    b.append("| single GET answered | ").append(d.getWrappedInValue() ? "wrapped as " + cell("{\"value\": {...}}")
        : "bare").append(" |\n");
    b.append("| JSON Schema | [").append(code("schemas/" + d.schemaFile())).append("](../../schemas/")
        .append(d.schemaFile()).append(") |\n\n");
    properties(b, d);
    keys(b, d);
    actions(b, d);
    permissions(b, d);
    destructive(b, d);
    errors(b, d);
    return b.toString();
  }

  private static String yamlPath(ResourceDescriptor d) {
    List<String> keys = new ArrayList<>();
    keys.add(d.scope() == Scope.USER ? "users: <upn>" : d.yamlSection());
    keys.addAll(d.yamlPath());
    String path = String.join(": ", keys) + ":";
    return switch (d.shape()) {
      case SINGLETON -> path;
      case FIXED_IDS -> path + " <id>:";
      case COLLECTION, CATALOG -> path + " <" + d.key().property() + ">:";
    };
  }

  private static String shape(ResourceDescriptor d) {
    String where = d.scope() == Scope.USER ? ", per user" : "";
    return switch (d.shape()) {
      case SINGLETON -> "one object" + where;
      case FIXED_IDS -> "objects with documented ids" + where;
      case COLLECTION -> "a collection" + where;
      case CATALOG -> "a catalog (items published elsewhere; never created or deleted)" + where;
    };
  }

  private static String versions(ResourceDescriptor d) {
    return d.versions().stream().sorted().map(GraphVersion::segment).collect(Collectors.joining(", "));
  }

  /** The version a run sends the resource to when the Graph root names none: v1.0 where it exists there. */
  private static String sentTo(ResourceDescriptor d) {
    return d.versions().contains(GraphVersion.V1_0) ? "v1.0" : "beta";
  }

  private static String clouds(ResourceDescriptor d) {
    return d.globalOnly() ? "global only" : "every cloud";
  }

  private static void properties(StringBuilder b, ResourceDescriptor d) {
    b.append("## Properties\n\nOnly these are read, compared and written; any other property Graph answers is ")
        .append("left alone.\n\n");
    b.append("| property | type | sent in every PATCH | set by | notes |\n|---|---|---|---|---|\n");
    for (PropertySpec p : d.properties()) {
      List<String> notes = new ArrayList<>();
      if (p.destructive() != null) {
        notes.add("destructive when set to " + code(p.destructive().value().toString()));
      }
      if (p.planNote() != null) {
        notes.add(text(p.planNote()));
      }
      String setBy = d.actions().stream().filter(a -> a.property().equals(p.name()))
          .map(a -> "action " + code(a.name())).collect(Collectors.joining(", "));
      b.append("| ").append(cell(p.name())).append(" | ").append(kind(p)).append(" | ")
          .append(p.requiredInPatch() ? "yes" : "").append(" | ").append(setBy.isEmpty() ? "PATCH" : setBy)
          .append(" | ").append(String.join("; ", notes)).append(" |\n");
    }
    b.append('\n');
    for (Reference r : d.references()) {
      b.append("Values of ").append(code(r.property())).append(" name items of [").append(code(r.targetType()))
          .append("](").append(r.targetType()).append(".md): plans order the changes so that a named item exists ")
          .append("when it is named.\n\n");
    }
  }

  private static String kind(PropertySpec p) {
    return switch (p.kind()) {
      case BOOLEAN -> "boolean";
      case STRING -> "string";
      case GUID -> "Entra object id";
      case GROUP_ID -> "Entra group id, or " + code("{group: <name>}");
      case USER_ID -> "Entra user id, or " + code("{user: <upn>}");
      case STRING_SET -> "list of strings, order ignored";
      case STRING_LIST -> "list of strings, ordered";
      case OBJECT_LIST -> "list of objects, ordered";
      case USERS_AND_GROUPS -> "users and groups, order ignored";
    };
  }

  private static void keys(StringBuilder b, ResourceDescriptor d) {
    if (d.shape() == Shape.FIXED_IDS) {
      b.append("## Ids\n\nRead and written one by one, by the ids the docs list:\n\n");
      d.fixedIds().forEach(id -> b.append("- ").append(code(id)).append('\n'));
      b.append('\n');
      return;
    }
    if (d.shape() == Shape.SINGLETON) {
      return;
    }
    CollectionKey k = d.key();
    b.append("## Key\n\nItems are named in the YAML by ").append(code(k.property()));
    if (k.fallback() != null) {
      b.append(", or by ").append(code(k.fallback())).append(" where an item has only that");
    }
    b.append(k.caseInsensitive() ? ", matched ignoring case" : ", matched exactly").append(". ");
    if (k.alternateKey()) {
      b.append("Graph addresses an item by it as an alternate key: ")
          .append(code(d.path() + "(" + k.property() + "='<key>')")).append(". ");
    } else if (k.idIsKey()) {
      b.append("It is the item's id in Graph's paths.");
    } else {
      b.append("Graph makes the items' ids; the tool finds them by the key.");
    }
    if (k.emptyKeyAlias() != null) {
      b.append("The item without a key is named ").append(code(k.emptyKeyAlias())).append(". ");
    }
    b.append('\n');
    d.documentedKeys().ifPresent(keys -> b.append("\nThe docs allow only these keys: ")
        .append(keys.stream().map(org.settingsreconciler.text.MarkdownText::code).collect(Collectors.joining(", ")))
        .append(".\n"));
    if (d.allowList() != null) {
      b.append("\n").append(code(d.yamlSection() + "." + d.allowList().yamlKey() + ": " + d.allowList().action()))
          .append(" sends the action ").append(code(d.allowList().action()))
          .append(" to every item the YAML does not list (default ").append(code("leave")).append(").\n");
    }
    if (!d.describedBy().isEmpty()) {
      b.append("\nPlans and exports show each item's ")
          .append(d.describedBy().stream().map(org.settingsreconciler.text.MarkdownText::code)
              .collect(Collectors.joining(" and ")))
          .append(" beside its key.\n");
    }
    b.append('\n');
  }

  private static void actions(StringBuilder b, ResourceDescriptor d) {
    if (d.actions().isEmpty()) {
      return;
    }
    b.append("## Actions\n\n| action | sets | body | destructive |\n|---|---|---|---|\n");
    for (BoundAction a : d.actions()) {
      String sets = a.value() != null ? code(a.property() + ": " + a.value()) : code(a.property()) + " to the value sent";
      String body = a.parameter() == null ? "none" : code("{\"" + a.parameter() + "\": <value>}");
      b.append("| ").append(cell("POST .../{id}/" + a.name())).append(" | ").append(sets).append(" | ")
          .append(body).append(" | ").append(a.destructive() == null ? "" : text(a.destructive())).append(" |\n");
    }
    b.append('\n');
  }

  private static void permissions(StringBuilder b, ResourceDescriptor d) {
    b.append("## Permissions\n\nThe least-privileged Graph permissions and Microsoft Entra role the docs name for ")
        .append("each operation (sources: [docs/permissions.md](../permissions.md)).\n\n");
    b.append("| operation | delegated (a signed-in admin) | application (app-only) | admin's directory role |\n")
        .append("|---|---|---|---|\n");
    for (Operation op : d.operations()) {
      Access a = d.permissions().of(op);
      if (a == null) {
        continue;
      }
      b.append("| ").append(op.verb()).append(" | ").append(code(a.delegated())).append(" | ")
          .append(a.appOnly() ? code(a.application()) : "not supported").append(" | ").append(text(a.role()))
          .append(" |\n");
    }
    b.append('\n');
  }

  private static void destructive(StringBuilder b, ResourceDescriptor d) {
    List<String> lines = new ArrayList<>();
    if (d.permissions().of(Operation.DELETE) != null) {
      lines.add("Deleting an item (with the collection under " + code("prune") + ").");
    }
    for (PropertySpec p : d.properties()) {
      if (p.destructive() != null) {
        lines.add("Setting " + code(p.name()) + " to " + code(p.destructive().value().toString()) + ": "
            + text(p.destructive().reason()) + ".");
      }
    }
    for (BoundAction a : d.actions()) {
      if (a.destructive() != null) {
        lines.add("The action " + code(a.name()) + ": " + text(a.destructive()) + ".");
      }
    }
    b.append("## Destructive changes\n\n");
    if (lines.isEmpty()) {
      b.append("None: apply needs no ").append(code("--allow-destructive")).append(" for this resource.\n\n");
      return;
    }
    b.append("Apply refuses these without ").append(code("--allow-destructive")).append(":\n\n");
    lines.forEach(l -> b.append("- ").append(l).append('\n'));
    b.append('\n');
  }

  private static void errors(StringBuilder b, ResourceDescriptor d) {
    if (d.errorHints().isEmpty()) {
      return;
    }
    b.append("## Errors Graph documents\n\n| status | code | what it means |\n|---|---|---|\n");
    for (ErrorHint h : d.errorHints()) {
      b.append("| ").append(h.status()).append(" | ").append(h.code() == null ? "" : cell(h.code())).append(" | ")
          .append(text(h.explanation())).append(" |\n");
    }
    b.append('\n');
  }
}
