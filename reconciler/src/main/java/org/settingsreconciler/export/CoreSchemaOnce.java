package org.settingsreconciler.export;

import java.util.Map;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * The YAML 1.2 core schema with one scalar resolver, made once. snakeyaml-engine's dumper asks the schema for its
 * resolver at every scalar it writes, and {@link CoreSchema} builds a new one (a table of patterns) each time: an
 * export of a thousand users spent three quarters of its time building resolvers. A resolver only reads its table,
 * so one serves every dump.
 */
final class CoreSchemaOnce implements Schema {

  static final CoreSchemaOnce INSTANCE = new CoreSchemaOnce();

  private final CoreSchema core = new CoreSchema();
  private final ScalarResolver resolver = core.getScalarResolver();

  private CoreSchemaOnce() {}

  @Override
  public ScalarResolver getScalarResolver() {
    return resolver;
  }

  @Override
  public Map<Tag, ConstructNode> getSchemaTagConstructors() {
    return core.getSchemaTagConstructors();
  }
}
