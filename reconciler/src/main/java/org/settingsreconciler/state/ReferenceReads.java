package org.settingsreconciler.state;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.settingsreconciler.model.CollectionScope;
import org.settingsreconciler.model.DesiredResource;
import org.settingsreconciler.model.DesiredState;
import org.settingsreconciler.resource.Reference;
import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.resource.defs.ResourceRegistry;

/**
 * The tenant collections a plan must read beyond what the desired state manages, to judge its references (see
 * {@link Reference} and plan.Dependencies): the collection a desired value names items of (the profile sources a
 * precedence list names: do they exist?), and, where pruning deletes items that values may name, the collections
 * whose values name them (the profile property settings: does a list still name the source?).
 */
final class ReferenceReads {

  private ReferenceReads() {}

  static List<CollectionRef> of(DesiredState desired) {
    Map<String, CollectionRef> out = new LinkedHashMap<>();
    for (DesiredResource r : desired.resources()) {
      for (Reference ref : r.id().descriptor().references()) {
        // Only where a value names an item Graph does not always have: the Entra ID source needs no read.
        if (ref.keysIn(r.properties().get(ref.property())).stream().anyMatch(k -> !ref.builtIn().test(k))) {
          add(out, target(ref));
        }
      }
    }
    for (CollectionScope c : desired.collections()) {
      if (!c.prune()) {
        continue;
      }
      for (ResourceDescriptor d : ResourceRegistry.tenantScoped()) {
        if (d.references().stream().anyMatch(ref -> ref.targetType().equals(c.descriptor().type()))) {
          add(out, d);
        }
      }
    }
    return List.copyOf(out.values());
  }

  static ResourceDescriptor target(Reference ref) {
    return ResourceRegistry.byType(ref.targetType())
        .orElseThrow(() -> new IllegalStateException("a reference to no resource type: " + ref.targetType()));
  }

  private static void add(Map<String, CollectionRef> out, ResourceDescriptor d) {
    CollectionRef ref = new CollectionRef(d, null);
    out.putIfAbsent(ref.address(), ref);
  }
}
