package org.settingsreconciler.tenant;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.settingsreconciler.load.LayeredLoader;

/**
 * One tenant of a fleet, as its {@code tenant.yaml} describes it.
 *
 * @param name the tenant directory's name: how output, {@code {tenant}} in file names and the environment name it
 * @param dir the tenant directory, whose own YAML is the last layer
 * @param bases the base layer directories, in order
 * @param graphUrl the Graph root from tenant.yaml, or null for the cloud's
 * @param sandboxSeed the sandbox seed for runs with --sandbox, or null for the demo tenant
 * @param credentials environment variable the tool reads, to the variable holding it for this tenant
 */
public record TenantConfig(
    String name,
    Path dir,
    String tenantId,
    String cloud,
    List<Path> bases,
    Map<String, String> variables,
    String graphUrl,
    Path sandboxSeed,
    Map<String, String> credentials) {

  /** The Graph roots of the clouds (graph-api.md 9.4), without a version: each request carries its own. */
  private static final Map<String, String> GRAPH_ROOTS =
      Map.of(
          "global", "https://graph.microsoft.com",
          "usgov", "https://graph.microsoft.us",
          "usgovdod", "https://dod-graph.microsoft.us",
          "china", "https://microsoftgraph.chinacloudapi.cn");

  /** The Graph root this tenant is read and written through. */
  public String graphRoot() {
    return graphUrl != null ? graphUrl : GRAPH_ROOTS.get(cloud);
  }

  /** The layers of this tenant's desired state: its bases in order, then its own directory. */
  public List<LayeredLoader.Layer> layers() {
    List<LayeredLoader.Layer> out = new ArrayList<>();
    bases.forEach(b -> out.add(new LayeredLoader.Layer(b.getFileName().toString(), b)));
    out.add(new LayeredLoader.Layer(name, dir));
    return out;
  }

  /** The name as environment variables suffix it: upper case, anything but letters and digits as {@code _}. */
  public String environmentKey() {
    return name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }
}
