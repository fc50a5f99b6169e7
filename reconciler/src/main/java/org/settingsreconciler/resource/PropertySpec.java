package org.settingsreconciler.resource;

import java.util.Objects;
import java.util.function.BiFunction;
import org.settingsreconciler.graph.GraphVersion;
import tools.jackson.databind.JsonNode;

/**
 * One writable property that the tool manages. Properties not listed in a descriptor (ids, {@code @odata.*},
 * createdBy, lastModified*, undocumented fields) are never diffed and never sent.
 *
 * @param requiredInPatch the API rejects a PATCH without it, so every PATCH carries it even when unchanged
 * @param comparator how a desired value is compared with the tenant's
 * @param destructive set when moving the property to one value destroys data, so apply needs consent
 * @param planNote what a reviewer should know when this property changes (Graph's own doings), or null
 * @param storedAs what Graph stores when sent a value under a version, where it rewrites values (appends to a list:
 *     a URL under the version the write came in), or null when it stores what it is sent; a note with
 *     {@code planNote} is shown only where the rewrite changes the value
 * @param onCreate what a create sends when the YAML leaves the property out, where a create needs it, or null
 *     <p>Whether a property may hold null is not said here: it is Microsoft's metadata's to say (the sandbox judges
 *     bodies by it, MetadataConformanceTest the schemas).
 */
public record PropertySpec(
    String name,
    ValueKind kind,
    boolean requiredInPatch,
    ValueComparator comparator,
    Destructive destructive,
    String planNote,
    BiFunction<JsonNode, GraphVersion, JsonNode> storedAs,
    JsonNode onCreate) {

  public PropertySpec {
    Objects.requireNonNull(name);
    Objects.requireNonNull(kind);
    Objects.requireNonNull(comparator);
  }

  public static PropertySpec of(String name, ValueKind kind) {
    return new PropertySpec(name, kind, false, ValueComparator.forKind(kind), null, null, null, null);
  }

  public PropertySpec requiredInEveryPatch() {
    return new PropertySpec(name, kind, true, comparator, destructive, planNote, storedAs, onCreate);
  }

  public PropertySpec comparedWith(ValueComparator custom) {
    return new PropertySpec(name, kind, requiredInPatch, custom, destructive, planNote, storedAs, onCreate);
  }

  /** Moving to {@code value} destroys data; {@code reason} says what, for plans and refusals. */
  public PropertySpec destructiveWhenSetTo(JsonNode value, String reason) {
    return new PropertySpec(
        name, kind, requiredInPatch, comparator, new Destructive(value, reason), planNote, storedAs, onCreate);
  }

  public PropertySpec noteInPlans(String note) {
    return new PropertySpec(name, kind, requiredInPatch, comparator, destructive, note, storedAs, onCreate);
  }

  /**
   * Graph stores {@code rewrite.apply(sent, version)} rather than what it is sent under {@code version}, and says so
   * with {@code note}: plans then show the note and what the tenant ends with, where the rewrite changes the value.
   */
  public PropertySpec rewrittenByGraph(BiFunction<JsonNode, GraphVersion, JsonNode> rewrite, String note) {
    return new PropertySpec(name, kind, requiredInPatch, comparator, destructive, note, rewrite, onCreate);
  }

  /**
   * A create sends {@code value} when the YAML leaves this property out: for a property a create page marks required
   * whose value Graph would otherwise choose itself. An update leaves an absent property alone as ever.
   */
  public PropertySpec filledOnCreateWith(JsonNode value) {
    return new PropertySpec(name, kind, requiredInPatch, comparator, destructive, planNote, storedAs, value);
  }

  /** A value whose setting destroys data, and what is lost. */
  public record Destructive(JsonNode value, String reason) {}
}
