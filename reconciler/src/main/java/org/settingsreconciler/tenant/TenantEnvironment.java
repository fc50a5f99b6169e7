package org.settingsreconciler.tenant;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment one tenant's run sees, so each tenant signs in with its own credentials in a run of many. It is
 * the process environment, where
 *
 * <ul>
 *   <li>a {@code RECONCILER_*} or {@code AZURE_*} variable suffixed with the tenant's key (for contoso-prod:
 *       {@code RECONCILER_ACCESS_TOKEN_CONTOSO_PROD}) stands in for the unsuffixed one;
 *   <li>tenant.yaml's {@code credentials:} maps a variable the tool reads to the one holding it for this tenant;
 *   <li>{@code AZURE_TENANT_ID} is the tenant's id, so sign-in goes to the tenant the file names.
 * </ul>
 *
 * @param env the tenant's environment
 * @param missing the variables {@code credentials:} names that are not set
 */
public record TenantEnvironment(Map<String, String> env, List<String> missing) {

  public static TenantEnvironment of(TenantConfig tenant, Map<String, String> processEnv) {
    Map<String, String> env = new HashMap<>(processEnv);
    String suffix = "_" + tenant.environmentKey();
    processEnv.forEach((name, value) -> {
      boolean ours = name.startsWith("RECONCILER_") || name.startsWith("AZURE_");
      if (ours && name.endsWith(suffix) && name.length() > suffix.length()) {
        env.put(name.substring(0, name.length() - suffix.length()), value);
      }
    });
    List<String> missing = new ArrayList<>();
    tenant.credentials().forEach((target, source) -> {
      String value = processEnv.get(source);
      if (value == null) {
        missing.add(source);
      } else {
        env.put(target, value);
      }
    });
    env.put("AZURE_TENANT_ID", tenant.tenantId());
    return new TenantEnvironment(Map.copyOf(env), List.copyOf(missing));
  }
}
