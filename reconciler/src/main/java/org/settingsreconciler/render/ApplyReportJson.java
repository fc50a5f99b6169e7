package org.settingsreconciler.render;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.settingsreconciler.apply.ApplyStatus;
import org.settingsreconciler.apply.ChangeResult;
import org.settingsreconciler.apply.RollbackStep;
import org.settingsreconciler.graph.GraphError;
import org.settingsreconciler.plan.Change;
import org.settingsreconciler.plan.Invoke;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The machine-readable account of one apply ({@code apply --report FILE}): where and when it ran, how it ended, and
 * for every planned change the request, the values it replaced, what happened to it and Graph's error, with the
 * count of every status. Written for pipelines, so every field is always there (null when it does not apply).
 */
public final class ApplyReportJson {

  /** 2: every path starts with its Graph version ({@code /v1.0/...}, {@code /beta/...}), the root has none. */
  public static final int FORMAT_VERSION = 2;

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /**
   * How the run went, besides its changes.
   *
   * @param tenantName the tenant directory's name in a fleet, else null
   * @param tenantId the tenant's id where known (tenant.yaml, --tenant, AZURE_TENANT_ID), else null
   * @param savedPlan the file given to --plan, or null
   * @param result complete, incomplete, refused or nothing_to_do
   * @param refusals why no write was sent, when refused
   */
  public record Run(
      String origin,
      String tenantName,
      String tenantId,
      String savedPlan,
      Instant startedAt,
      Instant finishedAt,
      String result,
      List<String> refusals,
      boolean verify,
      boolean rollbackOnFailure,
      int exitCode) {}

  private ApplyReportJson() {}

  public static ObjectNode write(Run run, List<ChangeResult> results) {
    ObjectNode root = F.objectNode();
    root.put("formatVersion", FORMAT_VERSION);
    ObjectNode tenant = root.putObject("tenant");
    tenant.put("name", run.tenantName());
    tenant.put("id", run.tenantId());
    tenant.put("origin", run.origin());
    root.put("savedPlan", run.savedPlan());
    root.put("startedAt", run.startedAt().toString());
    root.put("finishedAt", run.finishedAt().toString());
    root.put("result", run.result());
    ArrayNode refusals = root.putArray("refusals");
    run.refusals().forEach(refusals::add);
    root.put("verify", run.verify());
    root.put("rollbackOnFailure", run.rollbackOnFailure());
    root.put("exitCode", run.exitCode());
    ArrayNode changes = root.putArray("changes");
    results.forEach(r -> changes.add(change(r)));
    ObjectNode counts = root.putObject("counts");
    Map<ApplyStatus, Integer> n = ApplyTextRenderer.counts(results);
    n.forEach((status, count) -> counts.put(status.reportName(), count));
    counts.put("total", results.size());
    return root;
  }

  private static ObjectNode change(ChangeResult r) {
    Change c = r.change();
    ObjectNode n = F.objectNode();
    n.put("address", c.address());
    n.put("action", c.action());
    if (c instanceof Invoke i) {
      n.put("name", i.name()); // the action invoked, as plan JSON names it
    }
    n.setAll(request(c));
    n.set("before", orNull(c.before()));
    n.put("status", r.status().reportName());
    n.put("detail", r.detail());
    n.set("error", error(r.error()));
    n.put("verification", r.verification().reportName());
    n.set("verificationError", error(r.verifyError()));
    n.set("rollback", rollback(r.rollback()));
    return n;
  }

  private static JsonNode rollback(RollbackStep step) {
    if (step == null) {
      return F.nullNode();
    }
    ObjectNode n = F.objectNode();
    n.put("undone", step.undone());
    n.put("detail", step.detail());
    ArrayNode requests = n.putArray("requests");
    step.requests().forEach(c -> requests.add(request(c)));
    n.set("error", error(step.error()));
    return n;
  }

  /** The request exactly as sent: method, path relative to the Graph root, and body (null for DELETE). */
  private static ObjectNode request(Change c) {
    ObjectNode n = F.objectNode();
    n.put("method", c.method());
    n.put("path", c.path());
    n.set("body", orNull(c.body()));
    return n;
  }

  private static JsonNode error(GraphError e) {
    if (e == null) {
      return F.nullNode();
    }
    ObjectNode n = F.objectNode();
    n.put("status", e.status());
    n.put("code", e.code());
    n.put("innerCode", e.innerCode());
    n.put("message", e.describe());
    n.put("requestId", e.requestId());
    n.put("maybeApplied", e.maybeApplied());
    return n;
  }

  private static JsonNode orNull(JsonNode n) {
    return n == null ? F.nullNode() : n;
  }
}
