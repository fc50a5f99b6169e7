package org.settingsreconciler.cli;

import org.settingsreconciler.auth.Cloud;
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
}
