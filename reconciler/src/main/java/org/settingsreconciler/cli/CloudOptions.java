package org.settingsreconciler.cli;

import org.settingsreconciler.auth.Cloud;
import org.settingsreconciler.tenant.TenantConfig;
import picocli.CommandLine.Option;

/** Which tenant and cloud to sign in to: shared by the commands that talk to Graph, and by login. */
final class CloudOptions {

  @Option(
      names = "--tenant",
      paramLabel = "TENANT",
      description = "Tenant id or domain to sign in to (default: AZURE_TENANT_ID; for login, any work or school "
          + "tenant).")
  String tenant;

  @Option(
      names = "--cloud",
      paramLabel = "CLOUD",
      description = "global, usgov, usgovdod or china (default: global): the sign-in authority and the "
          + "Graph root together.")
  Cloud cloud;

  /** The cloud given, else the global one. */
  Cloud cloud() {
    return cloud == null ? Cloud.global : cloud;
  }

  /** These options for one tenant of a fleet: its tenant id and cloud (from tenant.yaml) where none was given. */
  CloudOptions orTenant(TenantConfig t) {
    CloudOptions out = new CloudOptions();
    out.tenant = tenant != null ? tenant : t.tenantId();
    out.cloud = cloud != null ? cloud : Cloud.valueOf(t.cloud());
    return out;
  }
}
