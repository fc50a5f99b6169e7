package org.settingsreconciler.export;

import java.util.HashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * The YAML 1.2 core schema for one dump, resolving scalars with one resolver and remembering what each resolved to.
 * snakeyaml-engine's dumper asks the schema for its resolver twice at every scalar it writes, and {@link CoreSchema}
 * builds a new one (a table of patterns) each time: an export of a thousand users spent three quarters of its time
 * building resolvers. The resolver then runs a regular expression on every scalar, while an export repeats the same
 * keys and values thousands of times. Not thread-safe: one per dump. Public for tests that write YAML of their own.
 */
public final class DumpSchema implements Schema {

  private final CoreSchema core = new CoreSchema();
  private final ScalarResolver resolver = new Remembering(core.getScalarResolver());

  @Override
  public ScalarResolver getScalarResolver() {
    return resolver;
  }

  @Override
  public Map<Tag, ConstructNode> getSchemaTagConstructors() {
    return core.getSchemaTagConstructors();
  }

  /** A resolver's answers, each worked out once: they depend on nothing but the value. */
  private static final class Remembering implements ScalarResolver {
    private final ScalarResolver resolver;
    private final Map<String, Tag> implicit = new HashMap<>();

    Remembering(ScalarResolver resolver) {
      this.resolver = resolver;
    }

    @Override
    public Tag resolve(String value, Boolean implicitTag) {
      if (!implicitTag) {
        return resolver.resolve(value, false);
      }
      Tag tag = implicit.get(value);
      if (tag == null) {
        tag = resolver.resolve(value, true);
        implicit.put(value, tag);
      }
      return tag;
    }
  }
}
