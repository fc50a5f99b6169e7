package org.settingsreconciler.resource;

import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * One writable property that the tool manages. Properties not listed in a descriptor (ids, {@code @odata.*},
 * createdBy, lastModified*, undocumented fields) are never diffed and never sent.
 *
 * @param requiredInPatch the API rejects a PATCH without it, so every PATCH carries it even when unchanged
 * @param comparator how a desired value is compared with the tenant's
 * @param destructive set when moving the property to one value destroys data, so apply needs consent
 * @param planNote what a reviewer should know when this property changes (Graph's own doings), or null
 */
public record PropertySpec(
    String name,
    ValueKind kind,
    boolean requiredInPatch,
    ValueComparator comparator,
    Destructive destructive,
    String planNote) {

  public PropertySpec {
    Objects.requireNonNull(name);
    Objects.requireNonNull(kind);
    Objects.requireNonNull(comparator);
  }

  public static PropertySpec of(String name, ValueKind kind) {
    return new PropertySpec(name, kind, false, ValueComparator.forKind(kind), null, null);
  }

  public PropertySpec requiredInEveryPatch() {
    return new PropertySpec(name, kind, true, comparator, destructive, planNote);
  }

  public PropertySpec comparedWith(ValueComparator custom) {
    return new PropertySpec(name, kind, requiredInPatch, custom, destructive, planNote);
  }

  /** Moving to {@code value} destroys data; {@code reason} says what, for plans and refusals. */
  public PropertySpec destructiveWhenSetTo(JsonNode value, String reason) {
    return new PropertySpec(name, kind, requiredInPatch, comparator, new Destructive(value, reason), planNote);
  }

  public PropertySpec noteInPlans(String note) {
    return new PropertySpec(name, kind, requiredInPatch, comparator, destructive, note);
  }

  /** A value whose setting destroys data, and what is lost. */
  public record Destructive(JsonNode value, String reason) {}
}
