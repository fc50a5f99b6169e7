package org.settingsreconciler.tenant;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.settingsreconciler.files.UserFile;
import org.settingsreconciler.load.ConfigError;
import org.settingsreconciler.load.DesiredStateLoader;
import org.settingsreconciler.load.SchemaValidator;
import org.settingsreconciler.load.KeyAddress;
import org.settingsreconciler.load.SourceMap;
import org.settingsreconciler.load.YamlDocument;
import org.settingsreconciler.load.YamlDocumentReader;
import org.settingsreconciler.model.Location;
import org.settingsreconciler.load.VarFile;
import tools.jackson.databind.JsonNode;

/**
 * Reads a tenant directory's {@value DesiredStateLoader#TENANT_FILE}: checked against
 * {@code schemas/tenant.schema.json}, with paths resolved against the directory and the bases checked to be layer
 * directories (existing, not tenants themselves, named differently from each other and from the tenant).
 */
public final class TenantFile {

  private TenantFile() {}

  /** Whether a path is a tenant directory: a directory holding a tenant.yaml. */
  public static boolean isTenant(Path path) {
    // Any tenant.yaml makes it one: one that is not a regular file (a pipe, a device) is refused when it is read.
    return Files.isDirectory(path)
        && Files.exists(path.resolve(DesiredStateLoader.TENANT_FILE), LinkOption.NOFOLLOW_LINKS);
  }

  /** The tenant in {@code dir}, or null with the problems in {@code errors}. */
  public static TenantConfig read(Path dir, List<ConfigError> errors) {
    Path file = dir.resolve(DesiredStateLoader.TENANT_FILE);
    int before = errors.size();
    YamlDocument doc = YamlDocumentReader.read(file, errors);
    if (doc == null) {
      return null;
    }
    if (doc.tree() == null) {
      errors.add(new ConfigError(new Location(file.toString(), 1, 1), null, "tenant.yaml is empty; it needs tenantId"));
      return null;
    }
    errors.addAll(SchemaValidator.forSchema("tenant.schema.json").validate(doc.tree(), doc.sources()));
    if (errors.size() > before) {
      return null;
    }
    JsonNode t = doc.tree();
    String name = dir.toAbsolutePath().normalize().getFileName().toString();
    List<Path> bases = bases(dir, name, t.path("bases"), doc.sources(), errors);
    Map<String, String> variables =
        t.has("variables") ? VarFile.values(t.get("variables"), "/variables", doc.sources(), errors) : Map.of();
    Map<String, String> credentials = new LinkedHashMap<>();
    t.path("credentials").properties().forEach(e -> credentials.put(e.getKey(), e.getValue().asString()));
    Path seed = null;
    if (t.has("sandboxSeed")) {
      seed = dir.resolve(t.get("sandboxSeed").asString()).normalize();
      try {
        UserFile.checkRegular(seed, UserFile.Kind.SANDBOX_SEED);
      } catch (IOException e) {
        errors.add(new ConfigError(doc.sources().valueLocation("/sandboxSeed"), "sandboxSeed",
            Files.exists(seed, LinkOption.NOFOLLOW_LINKS) ? seed + ": " + e.getMessage() : "no such file: " + seed));
      }
    }
    if (errors.size() > before) {
      return null;
    }
    return new TenantConfig(name, dir, t.get("tenantId").asString(), t.path("cloud").asString("global"), bases,
        variables, t.has("graphUrl") ? t.get("graphUrl").asString() : null, seed, credentials);
  }

  private static List<Path> bases(Path dir, String tenant, JsonNode list, SourceMap sources, List<ConfigError> errors) {
    List<Path> out = new ArrayList<>();
    Set<String> names = new HashSet<>(Set.of(tenant));
    for (int i = 0; i < list.size(); i++) {
      String pointer = SourceMap.child("/bases", i);
      Path base = dir.resolve(list.get(i).asString()).normalize();
      String problem = null;
      if (!Files.isDirectory(base)) {
        problem = "no such directory: " + base;
      } else if (isTenant(base)) {
        problem = base + " is a tenant (it has a tenant.yaml); a base is a layer directory";
      } else if (!names.add(base.toAbsolutePath().normalize().getFileName().toString())) {
        problem = "another layer of this tenant is also named " + base.getFileName() + "; plans name layers by "
            + "directory name, so give them different names";
      }
      if (problem != null) {
        errors.add(new ConfigError(sources.valueLocation(pointer), KeyAddress.of(pointer), problem));
      } else {
        out.add(base);
      }
    }
    return out;
  }
}
