package org.settingsreconciler.render;

import java.util.Locale;
import org.settingsreconciler.graph.GraphError;
import org.settingsreconciler.plan.Plan;
import org.settingsreconciler.plan.PlanJson;
import org.settingsreconciler.tenant.TenantIdentity;
import org.settingsreconciler.plan.SettingStatus;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A check as JSON: the plan JSON, plus a {@code settings} array with every managed setting once and its state
 * ({@code in_sync}, {@code drifted}, or {@code unknown} with the error that kept it from being read). What
 * {@code check --format json} prints and {@code check --report FILE.json} writes.
 */
public final class CheckJson {

  private CheckJson() {}

  public static ObjectNode write(Plan plan, TenantIdentity tenant) {
    ObjectNode root = PlanJson.write(plan, tenant);
    ArrayNode settings = root.putArray("settings");
    for (SettingStatus s : plan.statuses()) {
      ObjectNode n = settings.addObject();
      n.put("address", s.address());
      n.put("status", s.state().name().toLowerCase(Locale.ROOT));
      if (s.state() == SettingStatus.State.UNKNOWN) {
        GraphError e = s.error();
        ObjectNode error = n.putObject("error");
        error.put("status", e == null ? 0 : e.status());
        error.put("code", e == null ? null : e.code());
        error.put("innerCode", e == null ? null : e.innerCode());
        error.put("message", e == null ? "no answer" : e.describe());
        error.put("requestId", e == null ? null : e.requestId());
        if (e != null && e.clientRequestId() != null) {
          error.put("clientRequestId", e.clientRequestId());
        }
      }
    }
    return root;
  }
}
