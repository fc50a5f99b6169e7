package org.settingsreconciler.run;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.settingsreconciler.auth.AuthMethod;
import org.settingsreconciler.auth.Cloud;
import org.settingsreconciler.graph.GraphVersion;
import org.settingsreconciler.graph.Throughput;
import org.settingsreconciler.sandbox.Fault;
import org.settingsreconciler.tenant.TenantConfig;
import org.settingsreconciler.text.ShellWord;

/**
 * Where a run's Graph is and how to reach it: a URL (or the cloud's root) and how to sign in, or the built-in sandbox
 * with its state file and faults; and how many requests go at once.
 *
 * @param graphUrl the root given, or null for the cloud's
 * @param tenant the tenant to sign in to, or null for AZURE_TENANT_ID
 * @param cloud the cloud given, or null for the global one
 * @param sandboxStateShownAs how headings name the sandbox state file, where its path would say nothing to the user
 *     (a fleet tenant's temporary copy of its seed), else null: its path
 */
public record GraphTarget(String graphUrl, AuthMethod auth, String tenant, Cloud cloud, boolean sandbox,
    Path sandboxState, List<Fault> sandboxFaults, Throughput throughput, String sandboxStateShownAs) {

  public GraphTarget(String graphUrl, AuthMethod auth, String tenant, Cloud cloud, boolean sandbox,
      Path sandboxState, List<Fault> sandboxFaults, Throughput throughput) {
    this(graphUrl, auth, tenant, cloud, sandbox, sandboxState, sandboxFaults, throughput, null);
  }

  public static final String DEFAULT_GRAPH_URL = "https://graph.microsoft.com";

  public GraphTarget {
    sandboxFaults = List.copyOf(sandboxFaults);
  }

  /**
   * The options that name this Graph again on another command line (--graph-url, --sandbox, --sandbox-state,
   * --tenant, --cloud, --auth), each value quoted for a POSIX shell where it needs it: what a later run needs to reach
   * the same tenant, for instance to apply a plan saved by this one. Credentials are never options, so none is here.
   * A fleet tenant's temporary sandbox state is left out: it is gone when the run ends.
   */
  public List<String> asOptions() {
    List<String> options = new java.util.ArrayList<>();
    if (graphUrl != null) {
      options.add("--graph-url " + ShellWord.quoted(graphUrl));
    }
    if (sandbox) {
      options.add("--sandbox");
    }
    if (sandboxState != null && sandboxStateShownAs == null) {
      options.add("--sandbox-state " + ShellWord.quoted(sandboxState.toString()));
    }
    if (tenant != null) {
      options.add("--tenant " + ShellWord.quoted(tenant));
    }
    if (cloud != null) {
      options.add("--cloud " + cloud.name());
    }
    if (auth != null && auth != AuthMethod.AUTO) {
      options.add("--auth " + auth.cliName());
    }
    return options;
  }

  /** The cloud given, else the global one. */
  public Cloud cloudOrGlobal() {
    return cloud == null ? Cloud.global : cloud;
  }

  /**
   * The same Graph with another sandbox state file: a fleet tenant's own, named in headings as {@code shownAs}
   * (null: by its path).
   */
  public GraphTarget withSandboxState(Path state, String shownAs) {
    return new GraphTarget(graphUrl, auth, tenant, cloud, sandbox, state, sandboxFaults, throughput, shownAs);
  }

  /** How headings name the sandbox state file: as it was shown, else by its path; null without one. */
  public String sandboxStateName() {
    return sandboxStateShownAs != null ? sandboxStateShownAs : sandboxState == null ? null : sandboxState.toString();
  }

  /**
   * The Graph of one tenant of a fleet: its cloud, tenant id and graphUrl where the command line names none (a run of
   * several tenants refuses --graph-url, which would send them all to one Graph; one tenant's run may name its own).
   */
  public GraphTarget forTenant(TenantConfig t) {
    return new GraphTarget(graphUrl != null ? graphUrl : t.graphUrl(), auth, tenant != null ? tenant : t.tenantId(),
        cloud != null ? cloud : Cloud.valueOf(t.cloud()), sandbox, sandboxState, sandboxFaults, throughput,
        sandboxStateShownAs);
  }

  /** The root requests go to: the URL given, checked, or the cloud's. */
  public URI graphRoot() {
    String url = graphUrl != null ? graphUrl : cloudOrGlobal().graphRoot();
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new UserError("--graph-url is not a URL: " + url + withScheme(url));
    }
    if (uri.getHost() == null || uri.getScheme() == null) {
      throw new UserError("--graph-url must be an absolute URL such as " + DEFAULT_GRAPH_URL + withScheme(url));
    }
    boolean https = uri.getScheme().equalsIgnoreCase("https");
    boolean http = uri.getScheme().equalsIgnoreCase("http");
    if (!https && !(http && isLoopback(uri.getHost()))) {
      throw new UserError("--graph-url must use https (plain http is allowed only on loopback): " + url);
    }
    refuseUnknownVersion(uri);
    return uri;
  }

  /**
   * A root whose last segment looks like a version Graph does not have ({@code /v1}, {@code /v2.0}): taken as a root
   * without a version, it would put every path after it ({@code /v1/v1.0/admin/...}), so it is surely a typo.
   */
  private static void refuseUnknownVersion(URI uri) {
    String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
    String last = path.substring(path.lastIndexOf('/') + 1);
    if (last.matches("(?i)v\\d+(\\.\\d+)*|beta.*") && GraphVersion.named(last).isEmpty()) {
      throw new UserError("--graph-url ends in /" + last + ", which is not a Graph version: give the root without a "
          + "version (" + DEFAULT_GRAPH_URL + "), or end it in /v1.0 or /beta");
    }
  }

  /**
   * For a URL given without a scheme ({@code 127.0.0.1:18431}, {@code graph.example.com/v1.0}): "; did you mean" it
   * with the scheme the rule above accepts, http on loopback and https elsewhere. Empty when that would not be a URL
   * either, or a scheme was given.
   */
  private static String withScheme(String url) {
    if (url.contains("://")) {
      return "";
    }
    try {
      String host = URI.create("http://" + url).getHost();
      if (host == null) {
        return "";
      }
      return "; did you mean " + (isLoopback(host) ? "http://" : "https://") + url + "?";
    } catch (IllegalArgumentException notEvenThen) {
      return "";
    }
  }

  /** Only loopback literals and localhost: a DNS name such as 127.0.0.1.example.com may resolve anywhere. */
  static boolean isLoopback(String host) {
    String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    return h.equalsIgnoreCase("localhost") || h.matches("127(\\.\\d{1,3}){3}") || h.equals("::1");
  }
}
