package org.settingsreconciler.update;

import org.settingsreconciler.load.SourceMap;
import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.resource.ResourceId;
import org.settingsreconciler.resource.Scope;

/** Where a resource sits in a desired-state file, as a JSON pointer: the layout the loader reads. */
final class YamlPointers {

  private YamlPointers() {}

  /** The object: {@code /people/pronouns}, {@code /people/profileCardProperties/Alias}. */
  static String of(ResourceId id) {
    String scope = scope(id);
    return id.key() == null ? scope : SourceMap.child(scope, id.key());
  }

  /** The mapping holding the object's siblings (for a singleton, the object itself). */
  static String scope(ResourceId id) {
    ResourceDescriptor d = id.descriptor();
    if (d.scope() == Scope.USER) {
      return SourceMap.child(SourceMap.child("/users", id.user()), d.yamlPath());
    }
    return SourceMap.child(SourceMap.child("", d.yamlSection()), d.yamlPath());
  }
}
