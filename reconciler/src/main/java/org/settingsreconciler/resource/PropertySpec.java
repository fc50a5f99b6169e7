package org.settingsreconciler.resource;

import java.util.Objects;

/**
 * One writable property that the tool manages. Properties not listed in a descriptor (ids, {@code @odata.*},
 * createdBy, lastModified*, undocumented fields) are never diffed and never sent.
 *
 * @param requiredInPatch the API rejects a PATCH without it, so every PATCH carries it even when unchanged
 * @param comparator how a desired value is compared with the tenant's
 */
public record PropertySpec(String name, ValueKind kind, boolean requiredInPatch, ValueComparator comparator) {

  public PropertySpec {
    Objects.requireNonNull(name);
    Objects.requireNonNull(kind);
    Objects.requireNonNull(comparator);
  }

  public static PropertySpec of(String name, ValueKind kind) {
    return new PropertySpec(name, kind, false, ValueComparator.forKind(kind));
  }

  public PropertySpec requiredInEveryPatch() {
    return new PropertySpec(name, kind, true, comparator);
  }

  public PropertySpec comparedWith(ValueComparator custom) {
    return new PropertySpec(name, kind, requiredInPatch, custom);
  }
}
