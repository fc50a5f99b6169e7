package org.settingsreconciler.state;

import java.util.Optional;
import org.settingsreconciler.resource.CollectionKey;
import org.settingsreconciler.resource.PropertySpec;
import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.resource.ResourceId;
import org.settingsreconciler.resource.Shape;
import tools.jackson.databind.JsonNode;

/**
 * Whether what Graph answered for a resource is that resource's data: one rule for every resource, read from its
 * descriptor (the kinds of its properties, its shape, its key). A 2xx proves nothing by itself: a proxy, a gateway in
 * trouble or a preview API can answer 200 with {@code {}}, {@code {"value": null}} or a half-filled object, and
 * taking that for the tenant would plan, and apply, changes against a tenant that does not exist. An answer that
 * breaks the rule makes that one setting "could not be read"; the others go on.
 *
 * <p>The rule:
 *
 * <ul>
 *   <li>An object (a singleton or a fixed id) is a JSON object, bare or wrapped as {@code {"value": {...}}}: the
 *       docs show one form or the other per resource (docs/metadata-differences.md, "GET envelopes") and a real
 *       Graph may answer either, so both are read (see {@code Envelope}). Nothing in between: a body holding an
 *       object-valued {@code value} next to properties of its own is neither form, so it is not the resource (a
 *       resource whose own property is named {@code value} is judged by that property's kind instead).
 *   <li>It shows it is the object asked for. A fixed-id object (or a catalog's item) carries its id (matched
 *       ignoring case): Graph returns every entity with its id, and an object without it, or with another's, is not
 *       this one. A singleton has no
 *       id to show, so it carries at least one of its managed properties: Graph writes every declared property (null
 *       when unset), so an answer with none of them ({@code {}}, {@code {"value": null}}, {@code {"value": []}},
 *       {@code {"id": ...}} alone) is not the resource, however it is wrapped.
 *   <li>A list's items are JSON objects, each with what addresses it in a URL (its id, or its key where the key is
 *       the id, as for profile card properties): a non-empty string that stays one path segment, never "." or ".."
 *       (see {@link ResourceId#isOneSegment}), or any non-empty string where it is an alternate key inside the list's
 *       own segment (a profile source's sourceId); without it no path to the item can be made, only made up. Its key is a
 *       string when it is there. An item without a key but with its id is data: the YAML cannot name it, so it is
 *       never matched nor pruned (an interest without a displayName), or it is the one keyless item the YAML names
 *       by a word of its own (the profile property setting sourcePrecedence). Where the key is the id, an item
 *       whose key is null or empty (the metadata lets it be) but that carries its entity id is such an item too.
 *   <li>Every managed property present is null or of its kind's JSON type ({@code ValueKind.fits}). One left out is
 *       fine: a tenant may leave out a nullable property, which is then read as null.
 *   <li>Nothing else is looked at (annotations, read-only properties the tool does not manage): it is never compared
 *       and never sent.
 * </ul>
 */
final class AnswerShape {

  private AnswerShape() {}

  /**
   * What is wrong with {@code body}, the whole answer, as an envelope: an object-valued {@code value} beside keys
   * other than annotations, where the resource has no property named {@code value}.
   */
  static Optional<String> ofEnvelope(ResourceId id, JsonNode body) {
    if (body == null || !body.isObject() || !body.path("value").isObject()
        || id.descriptor().property("value").isPresent()) {
      return Optional.empty();
    }
    boolean more = body.propertyNames().stream().anyMatch(n -> !n.equals("value") && !n.startsWith("@odata."));
    return more ? Optional.of("an object that holds both properties of its own and a {\"value\": {...}} envelope")
        : Optional.empty();
  }

  /** What is wrong with {@code object} as the tenant's copy of {@code id}, worded to follow "Graph answered with". */
  static Optional<String> ofObject(ResourceId id, JsonNode object) {
    ResourceDescriptor d = id.descriptor();
    if (object == null || !object.isObject()) {
      return Optional.of("a body that is not a JSON object");
    }
    if (d.shape() == Shape.FIXED_IDS || d.shape() == Shape.CATALOG) {
      JsonNode own = object.get("id");
      if (own == null || !own.isString() || !own.asString().equalsIgnoreCase(id.key())) {
        return Optional.of(own == null || own.isNull() ? "an object without its id"
            : "an object whose id is " + own + ", not \"" + id.key() + "\"");
      }
    } else if (d.properties().stream().noneMatch(p -> object.has(p.name()))) {
      return Optional.of("an object without any property of " + d.title() + " ("
          + String.join(", ", d.properties().stream().map(PropertySpec::name).toList()) + ")");
    }
    return properties(d, object, "an object whose ");
  }

  /** What is wrong with one item of a list of {@code d}, worded to follow "Graph answered with", or empty. */
  static Optional<String> ofItem(ResourceDescriptor d, JsonNode item) {
    if (item == null || !item.isObject()) {
      return Optional.of("a list item that is " + jsonType(item) + ", not an object");
    }
    CollectionKey key = d.key();
    for (String keyProperty : key.properties()) {
      JsonNode name = item.get(keyProperty);
      if (name != null && !name.isNull() && !name.isString()) {
        return Optional.of("a list item whose " + keyProperty + " is " + jsonType(name) + ", not a string");
      }
    }
    if (key.idIsKey() && key.rawKeyOf(item) == null && item.path("id").isString()) {
      // The metadata lets the key be null (a card property without its directoryPropertyName): with its entity id it
      // is data, keyless, so never matched nor pruned and no path to it is ever made; the YAML cannot name it.
      return properties(d, item, "a list item whose ");
    }
    String idProperty = key.idIsKey() ? key.property() : "id";
    JsonNode id = item.get(idProperty);
    if (id == null || id.isNull()) {
      return Optional.of("a list item without its " + idProperty);
    }
    if (!id.isString()) {
      return Optional.of("a list item whose " + idProperty + " is " + jsonType(id) + ", not a string");
    }
    // An alternate key sits inside the list's own segment (profileSources(sourceId='..')), where a dot is no dot
    // segment; only elsewhere must it be one segment.
    if (key.alternateKey() ? id.asString().isEmpty() : !ResourceId.isOneSegment(id.asString())) {
      return Optional.of("a list item whose " + idProperty + " " + ResourceId.quote(id.asString())
          + " cannot be one segment of a URL path");
    }
    return properties(d, item, "a list item whose ");
  }

  private static Optional<String> properties(ResourceDescriptor d, JsonNode object, String prefix) {
    for (PropertySpec p : d.properties()) {
      JsonNode v = object.get(p.name());
      if (v != null && !v.isNull() && !p.kind().fits(v)) {
        return Optional.of(prefix + p.name() + " is " + jsonType(v) + ", where " + p.kind().jsonType()
            + " (or null) belongs");
      }
    }
    return Optional.empty();
  }

  private static String jsonType(JsonNode n) {
    if (n == null || n.isNull()) {
      return "null";
    }
    if (n.isArray()) {
      return "an array";
    }
    if (n.isObject()) {
      return "an object";
    }
    return n.isString() ? "a string" : n.isBoolean() ? "a boolean" : n.isNumber() ? "a number" : "something else";
  }
}
