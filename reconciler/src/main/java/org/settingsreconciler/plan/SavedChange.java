package org.settingsreconciler.plan;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.settingsreconciler.graph.VersionChoice;
import org.settingsreconciler.resource.BoundAction;
import org.settingsreconciler.resource.CollectionKey;
import org.settingsreconciler.resource.PropertySpec;
import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.resource.ResourceId;
import org.settingsreconciler.resource.defs.AddressParser;
import org.settingsreconciler.resource.Shape;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One change of a saved plan, written and read back. Reading trusts nothing but the address and the Graph root the
 * plan is bound to: the path must be the one the descriptors give that address under the version the root chooses
 * for it (see {@link VersionChoice}), the body may set only the resource's own properties, and an update's
 * "before" must hold every property its body sets (the stale-plan check compares exactly those with the tenant, so
 * the safety rails judge the real change). A hand-edited plan that PATCHes one setting under another's name, or
 * climbs out of the resource with {@code ..} or {@code %2e%2e}, is refused, naming both.
 */
final class SavedChange {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private SavedChange() {}

  /** The change's request and what it was planned against: the part of a change both plan JSON and saved plans hold. */
  static ObjectNode write(Change c) {
    ObjectNode n = F.objectNode();
    n.put("address", c.address());
    n.put("action", c.action());
    if (c instanceof Invoke i) {
      n.put("name", i.name());
    }
    n.put("method", c.method());
    n.put("path", c.path());
    n.set("body", c.body() == null ? F.nullNode() : c.body());
    n.set("before", c.before() == null ? F.nullNode() : c.before());
    if (!c.dependsOn().isEmpty()) {
      // Only where there are any: most changes depend on none, and plans read the same as before.
      c.dependsOn().forEach(n.putArray("dependsOn")::add);
    }
    return n;
  }

  /**
   * Reads and checks one change; throws IllegalArgumentException naming what is wrong.
   *
   * @param versions what the plan's Graph root says of versions: its paths must go where it sends them
   * @param organization the tenant the plan is bound to, whose id paths under its organization object hold; null
   *     when the plan names none
   */
  static Change read(JsonNode n, VersionChoice versions, String organization) {
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException("a change must be a JSON object");
    }
    String address = text(n, "address", "(no address)");
    ResourceId id;
    try {
      id = AddressParser.parse(address);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
    String action = text(n, "action", address);
    String path = text(n, "path", address);
    Change c =
        switch (action) {
          case "create" -> new Create(id, path, object(n, "body", address), List.of());
          case "update" ->
              new Update(id, path, object(n, "body", address), object(n, "before", address), List.of(), null);
          case "delete" -> new Delete(id, path, object(n, "before", address));
          case "invoke" -> new Invoke(id, path, text(n, "name", address), objectOrNull(n, "body", address),
              object(n, "before", address), List.of(), null);
          default -> throw new IllegalArgumentException(address + ": unknown action \"" + action + "\"");
        };
    if (!c.method().equals(text(n, "method", address))) {
      throw new IllegalArgumentException(address + ": method " + text(n, "method", address) + " does not match action "
          + action + " (" + c.method() + ")");
    }
    c = c.withDependsOn(dependsOn(n, address));
    checkAction(c);
    checkVersion(c, versions);
    checkPath(c, versions, organization);
    checkBody(c);
    return c;
  }

  /**
   * Only a collection has items to create or delete: a DELETE of a singleton or of a policy setting is no change
   * the tool plans. Nor is a delete of the item pruning only ever resets (the nameless source precedence, which the
   * docs say must never be deleted), or a change of a fixed id the YAML cannot name: the path is made from it.
   */
  private static void checkAction(Change c) {
    ResourceDescriptor d = c.resource().descriptor();
    if (c instanceof Invoke i && d.action(i.name()).isEmpty()) {
      throw new IllegalArgumentException(c.address() + ": " + d.title() + " has no action \"" + i.name() + "\""
          + (d.actions().isEmpty() ? "" : " (it has " + String.join(", ", d.actions().stream()
              .map(BoundAction::name).toList()) + ")") + "; the plan file was edited");
    }
    if ((c instanceof Create || c instanceof Delete) && d.shape() != Shape.COLLECTION) {
      throw new IllegalArgumentException(c.address() + ": " + d.title() + " is one setting, with no items to "
          + c.action() + "; the plan file was edited");
    }
    if (d.shape() == Shape.FIXED_IDS && !d.fixedIds().contains(c.resource().key())) {
      throw new IllegalArgumentException(c.address() + ": \"" + c.resource().key() + "\" is not one of the ids "
          + d.title() + " has (" + String.join(", ", d.fixedIds()) + "); the plan file was edited");
    }
    if (c instanceof Delete && d.key().isEmptyKey(c.resource().key())) {
      throw new IllegalArgumentException(c.address() + ": this item is never deleted, only reset; the plan file was "
          + "edited");
    }
    if (c instanceof Delete del && !d.pruneRule().decide(del.before()).delete()) {
      // An item Graph keeps for itself (the Entra ID profile source): pruning never plans its delete.
      throw new IllegalArgumentException(c.address() + ": this item is never deleted; the plan file was edited");
    }
  }

  /** A root that names a version reaches only what exists in it: the plan could not have been made otherwise. */
  private static void checkVersion(Change c, VersionChoice versions) {
    ResourceDescriptor d = c.resource().descriptor();
    if (!versions.serves(d.versions())) {
      throw new IllegalArgumentException(c.address() + ": " + d.title() + " is not in Graph " + versions.pinned()
          + ", which the plan's Graph root ends in; the plan file was edited");
    }
  }

  /**
   * The path must be the address's own, under the version the plan's root chooses for it: for an existing collection
   * item, its list path plus one id segment.
   */
  private static void checkPath(Change c, VersionChoice versions, String organization) {
    if (c instanceof Invoke i) {
      // The action's path is its item's path, as an update of the item would be sent, plus the action's name.
      String suffix = "/" + i.name();
      String item = c.path().endsWith(suffix) ? c.path().substring(0, c.path().length() - suffix.length()) : null;
      Update asUpdate = new Update(c.resource(), item == null ? c.path() : item, F.objectNode(), F.objectNode(),
          List.of(), null);
      try {
        checkPath(asUpdate, versions, organization);
      } catch (IllegalArgumentException e) {
        item = null;
      }
      if (item == null) {
        throw new IllegalArgumentException(c.address() + ": the path " + c.path() + " does not belong to this "
            + "address (its action " + i.name() + " goes to the item's path plus " + suffix + "); the plan file was "
            + "edited, plan again");
      }
      return;
    }
    ResourceId id = c.resource();
    ResourceDescriptor d = id.descriptor();
    if (d.underOrganization() && (organization == null || !ResourceId.isOneSegment(organization))) {
      throw new IllegalArgumentException(c.address() + ": its path holds the organization id of the tenant the plan "
          + "is bound to, and the plan names no tenant; the plan file was edited");
    }
    String expected;
    if (d.shape() != Shape.COLLECTION || c instanceof Create) {
      expected = c instanceof Create ? id.basePath(versions) : id.objectPath(versions, null, () -> organization);
    } else if (d.key().alternateKey()) {
      // Addressed by the key itself, exactly as the address keys it.
      expected = id.objectPath(versions, id.key());
    } else {
      String prefix = id.basePath(versions) + "/";
      String segment = c.path().startsWith(prefix) ? c.path().substring(prefix.length()) : null;
      String raw = segment == null ? null : plainSegment(segment);
      // Where the key is the URL segment it may differ only in the letter case Graph ignores; elsewhere the segment
      // is a Graph id, and the stale-plan check proves it is the id of the item the address keys.
      boolean fits = raw != null
          && (!d.key().idIsKey() || d.key().matchForm(raw).equals(d.key().matchForm(id.key())));
      expected = fits ? c.path() : d.key().idIsKey() ? id.objectPath(versions, id.key()) : prefix + "{id}";
    }
    if (!expected.equals(c.path())) {
      String user = id.user();
      if (user != null && user.startsWith("$")
          && c.path().contains("/users/" + ResourceId.segment(user) + "/")) {
        // Written so by a version before ResourceId.userPath: Graph answers that path 400, and the file is not edited.
        throw new IllegalArgumentException(c.address() + ": the path " + c.path() + " is how earlier versions of this "
            + "tool addressed a user whose name begins with $, which Graph refuses (it asks for "
            + ResourceId.userPath(user) + "); plan again");
      }
      throw new IllegalArgumentException(c.address() + ": the path " + c.path() + " does not belong to this address "
          + "(a " + c.action() + " of it goes to " + expected + "); the plan file was edited, plan again");
    }
  }

  /**
   * The decoded value of a segment written exactly as this tool writes one, or null for anything else: a segment
   * that decodes to a slash, a dot segment ({@code .}, {@code ..}, {@code %2e%2e}) or a query.
   */
  private static String plainSegment(String segment) {
    String raw;
    try {
      raw = URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    boolean plain = !raw.isEmpty() && !raw.equals(".") && !raw.equals("..") && ResourceId.segment(raw).equals(segment);
    return plain ? raw : null;
  }

  private static void checkBody(Change c) {
    if (c instanceof Invoke i) {
      checkInvoke(i);
      return;
    }
    ResourceDescriptor d = c.resource().descriptor();
    Set<String> allowed = new TreeSet<>();
    d.properties().stream().map(PropertySpec::name).forEach(allowed::add);
    if (d.shape() == Shape.COLLECTION) {
      allowed.addAll(d.key().properties());
    }
    if (c.body() != null) {
      for (String name : c.body().propertyNames()) {
        if (!allowed.contains(name)) {
          throw new IllegalArgumentException(c.address() + ": the body sets \"" + name + "\", which is not a property "
              + "of " + d.title() + " (it has " + String.join(", ", allowed) + "); the plan file was edited");
        }
        if (d.setByAction(name)) {
          throw new IllegalArgumentException(c.address() + ": the body sets \"" + name + "\", which only an action "
              + "sets, never a " + c.method() + "; the plan file was edited");
        }
        JsonNode value = c.body().get(name);
        d.property(name).filter(p -> !value.isNull() && !p.kind().fits(value)).ifPresent(p -> {
          throw new IllegalArgumentException(c.address() + ": the body sets \"" + name + "\" to " + value
              + ", which is not " + p.kind().jsonType() + "; the plan file was edited");
        });
      }
      if (d.shape() == Shape.COLLECTION) {
        checkKey(c, d.key());
      }
    }
    if (c instanceof Update u) {
      for (String name : u.body().propertyNames()) {
        if (!u.before().has(name)) {
          throw new IllegalArgumentException(c.address() + ": \"before\" lacks \"" + name + "\", which the body sets: "
              + "the tenant's value could not be checked; the plan file was edited");
        }
      }
    }
  }

  /**
   * An action is sent exactly its parameters: none for an action without one (Graph is sent no body), else the one
   * parameter with a value of its property's kind; and "before" must hold the property it sets, which the stale-plan
   * check compares with the tenant.
   */
  private static void checkInvoke(Invoke i) {
    BoundAction a = i.spec();
    PropertySpec p = i.resource().descriptor().property(a.property()).orElseThrow();
    if (a.parameter() == null) {
      if (i.body() != null) {
        throw new IllegalArgumentException(i.address() + ": the action " + a.name() + " is sent without a body, "
            + "but the plan gives it " + i.body() + "; the plan file was edited");
      }
    } else {
      JsonNode value = i.body() == null ? null : i.body().get(a.parameter());
      if (value == null || i.body().size() != 1 || !a.reaches(value) || !p.kind().fits(value)) {
        throw new IllegalArgumentException(i.address() + ": the action " + a.name() + " is sent {\"" + a.parameter()
            + "\": " + p.kind().jsonType() + "} alone, not " + i.body() + "; the plan file was edited");
      }
    }
    if (!i.before().has(a.property())) {
      throw new IllegalArgumentException(i.address() + ": \"before\" lacks \"" + a.property() + "\", which the action "
          + a.name() + " sets: the tenant's value could not be checked; the plan file was edited");
    }
  }

  /**
   * The key property names the item, so it is the address's key: a create sends it (except for the nameless item,
   * whose key stays unset), and an update sends it only to respell a key whose letter case Graph ignores, never to
   * rename the item into another one (a PATCH of Chelsea's displayName to "Hiking" would make a second Hiking).
   */
  private static void checkKey(Change c, CollectionKey key) {
    String expected = key.isEmptyKey(c.resource().key()) ? null : c.resource().key();
    JsonNode sent = c.body().get(key.property());
    boolean fits = c instanceof Create
        ? expected == null ? sent == null : sent != null && sent.isString() && sent.asString().equals(expected)
        : sent == null || !key.idIsKey() && expected != null && sent.isString() && sent.asString().equals(expected);
    if (!fits) {
      throw new IllegalArgumentException(c.address() + ": the body sets \"" + key.property() + "\" to "
          + (sent == null ? "nothing" : sent.toString()) + ", not the key its address names; the plan file was edited");
    }
  }

  /** The addresses a change depends on: none when the field is absent, else a list of addresses. */
  private static List<String> dependsOn(JsonNode n, String address) {
    JsonNode v = n.get("dependsOn");
    if (v == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    if (v.isArray()) {
      for (JsonNode a : v) {
        if (!a.isString()) {
          break;
        }
        try {
          AddressParser.parse(a.asString());
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(address + ": \"dependsOn\" names " + a + ", which is no address ("
              + e.getMessage() + "); the plan file was edited");
        }
        out.add(a.asString());
      }
    }
    if (!v.isArray() || out.size() != v.size()) {
      throw new IllegalArgumentException(address + ": \"dependsOn\" must be a list of addresses");
    }
    return out;
  }

  private static String text(JsonNode n, String field, String where) {
    JsonNode v = n.get(field);
    if (v == null || !v.isString()) {
      throw new IllegalArgumentException(where + ": a change lacks \"" + field + "\"");
    }
    return v.asString();
  }

  /** A JSON object, or null where the field is null (an action sent without a body). */
  private static ObjectNode objectOrNull(JsonNode n, String field, String address) {
    JsonNode v = n.get(field);
    return v != null && v.isNull() ? null : object(n, field, address);
  }

  private static ObjectNode object(JsonNode n, String field, String address) {
    JsonNode v = n.get(field);
    if (v == null || !v.isObject()) {
      throw new IllegalArgumentException(address + ": \"" + field + "\" must be a JSON object");
    }
    return (ObjectNode) v;
  }
}
