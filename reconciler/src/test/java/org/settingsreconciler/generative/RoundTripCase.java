package org.settingsreconciler.generative;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import tools.jackson.databind.node.ObjectNode;

/**
 * One generated case, everything drawn from its seed: a tenant (sandbox seed format), how it is exported (which
 * users, group ids or names), a desired state for that tenant and the way its YAML is written.
 *
 * @param yamlStyle the seed of the YAML's layout, kept apart so that a shrunk desired state is written the same way
 */
record RoundTripCase(long seed, ObjectNode tenant, ExportOptions export, ObjectNode desired, long yamlStyle) {

  /**
   * @param allUsers {@code --all-users}, else each of the tenant's users by {@code --user}
   * @param upperCase {@code --user} spelt in upper case (user principal names match ignoring case)
   * @param groupNames {@code --group-names}
   */
  record ExportOptions(boolean allUsers, boolean upperCase, boolean groupNames) {

    List<String> arguments(ObjectNode tenant) {
      List<String> out = new ArrayList<>();
      if (allUsers) {
        out.add("--all-users");
      } else {
        tenant.path("users").propertyNames().forEach(upn -> {
          out.add("--user");
          out.add(upperCase ? upn.toUpperCase(Locale.ROOT) : upn);
        });
      }
      if (groupNames) {
        out.add("--group-names");
      }
      return out;
    }
  }

  static RoundTripCase draw(long seed) {
    SplittableRandom root = new SplittableRandom(seed);
    SplittableRandom tenantRandom = root.split();
    SplittableRandom exportRandom = root.split();
    SplittableRandom desiredRandom = root.split();
    long yamlStyle = root.nextLong();
    ObjectNode tenant = new TenantGenerator(tenantRandom).tenant();
    ExportOptions export = new ExportOptions(
        exportRandom.nextInt(4) == 0, exportRandom.nextInt(4) == 0, exportRandom.nextInt(3) == 0);
    ObjectNode desired = new DesiredGenerator(desiredRandom, tenant).desired();
    return new RoundTripCase(seed, tenant, export, desired, yamlStyle);
  }

  String desiredYaml() {
    return DesiredYaml.render(desired, new SplittableRandom(yamlStyle));
  }

  RoundTripCase with(ObjectNode tenant, ObjectNode desired) {
    return new RoundTripCase(seed, tenant, export, desired, yamlStyle);
  }
}
