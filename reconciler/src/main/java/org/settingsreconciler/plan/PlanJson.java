package org.settingsreconciler.plan;

import java.util.List;
import org.settingsreconciler.graph.GraphError;
import org.settingsreconciler.model.ValueOrigin;
import org.settingsreconciler.tenant.TenantIdentity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The machine-readable plan that {@code plan --format json} prints, for people and pipelines to read: {@code body}
 * is exactly what apply sends, {@code before} what the tenant held when planned. Apply never reads it back: the file
 * {@code plan --out} saves is a {@link SavedPlan}, so what this shows can change without changing what apply trusts.
 */
public final class PlanJson {

  /** 2: every path starts with its Graph version ({@code /v1.0/...}, {@code /beta/...}), the root has none. */
  public static final int FORMAT_VERSION = 2;

  /** The saved plan's list of the secret values it holds (see {@link #setSecretValues}). */
  static final String SECRET_VALUES = "secretValues";

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private PlanJson() {}

  /**
   * The tenant a plan is for, as plan JSON, check reports and saved plans carry it: its id and name, the Graph root
   * and who signed in (each null where not known).
   */
  public static ObjectNode tenant(TenantIdentity t) {
    ObjectNode n = F.objectNode();
    n.put("id", t.tenantId());
    n.put("displayName", t.displayName());
    // A user and password in --graph-url are never written (nor sent): the root is the service, not the login.
    n.put("graphRoot", TenantIdentity.withoutUserInfo(t.graphRoot()));
    n.put("signedInAs", t.signedInAs());
    return n;
  }

  /** The plan as {@code plan --format json} prints it, naming the tenant it was made for. */
  public static ObjectNode write(Plan plan, TenantIdentity tenant) {
    ObjectNode root = write(plan);
    root.set("tenant", tenant(tenant));
    return root;
  }

  public static ObjectNode write(Plan plan) {
    ObjectNode root = F.objectNode();
    root.put("formatVersion", FORMAT_VERSION);
    ArrayNode changes = root.putArray("changes");
    for (Change c : plan.changes()) {
      // The request as a saved plan holds it, then what only people read: properties, notes, reasons.
      ObjectNode n = SavedChange.write(c);
      changes.add(n);
      List<PropertyChange> props = properties(c);
      if (!props.isEmpty()) {
        ArrayNode ps = n.putArray("properties");
        for (PropertyChange p : props) {
          ObjectNode pn = ps.addObject();
          pn.put("name", p.name());
          pn.set("before", p.before() == null ? F.nullNode() : p.before());
          pn.set("after", p.after());
          if (p.source() != null) {
            pn.put("source", p.source().toString());
          }
          writeOrigin(pn, p.origin());
        }
      }
      reason(c).ifPresent(r -> n.put("reason", r));
      ObjectNode description = plan.description(c.address());
      if (description != null) {
        n.set("describedBy", description);
      }
      writeNotes(n, c.notes());
      Destructive.reason(c).ifPresent(r -> n.put("destructive", r));
    }
    ArrayNode failures = root.putArray("failures");
    for (ReadFailure f : plan.failures()) {
      ObjectNode n = failures.addObject();
      n.put("address", f.address());
      GraphError e = f.error();
      if (e != null) {
        n.put("status", e.status());
        n.put("code", e.code());
        n.put("innerCode", e.innerCode());
        n.put("message", e.describe());
        n.put("requestId", e.requestId());
        if (e.clientRequestId() != null) {
          n.put("clientRequestId", e.clientRequestId());
        }
      }
    }
    writeDuplicates(root, plan.duplicates());
    writePending(root, plan.pending());
    ObjectNode summary = root.putObject("summary");
    summary.put("create", plan.count("create"));
    summary.put("update", plan.count("update"));
    summary.put("delete", plan.count("delete"));
    if (plan.count("invoke") > 0) {
      // Only where there are any, so plans without actions read as they always have.
      summary.put("invoke", plan.count("invoke"));
    }
    summary.put("unchanged", plan.unchanged());
    summary.put("failed", plan.failures().size());
    summary.put("destructive", plan.changes().stream().filter(c -> Destructive.reason(c).isPresent()).count());
    return root;
  }

  /** Items the tenant holds more than once, where there are any: what the text plan warns of, with every id. */
  private static void writeDuplicates(ObjectNode root, List<Duplicate> duplicates) {
    if (duplicates.isEmpty()) {
      return;
    }
    ArrayNode out = root.putArray("duplicates");
    for (Duplicate d : duplicates) {
      ObjectNode n = out.addObject();
      n.put("address", d.address());
      ArrayNode ids = n.putArray("ids");
      d.ids().forEach(ids::add);
      ArrayNode paths = n.putArray("paths");
      d.paths().forEach(paths::add);
      n.put("inYaml", d.managed());
      n.put("prune", d.prune());
      n.put("drift", d.drift());
      n.put("message", d.problem());
      n.put("resolution", d.advice());
    }
  }

  /** Creates held back because an earlier apply sent them moments ago, where there are any; nothing is sent. */
  private static void writePending(ObjectNode root, List<PendingCreate> pending) {
    if (pending.isEmpty()) {
      return;
    }
    ArrayNode out = root.putArray("pending");
    for (PendingCreate p : pending) {
      ObjectNode n = out.addObject();
      n.put("address", p.address());
      n.put("method", p.change().method());
      n.put("path", p.change().path());
      n.set("body", p.change().body());
      n.put("kind", p.kind().name().toLowerCase(java.util.Locale.ROOT));
      n.put("sentSecondsAgo", p.age().toSeconds());
      n.put("heldBackSeconds", p.left().toSeconds());
      n.put("message", p.problem());
      n.put("resolution", p.advice());
    }
  }

  /** Every note the text and Markdown plans show for the change, so a pipeline reading JSON misses none. */
  private static void writeNotes(ObjectNode n, List<Note> notes) {
    if (notes.isEmpty()) {
      return;
    }
    ArrayNode ns = n.putArray("notes");
    for (Note note : notes) {
      ObjectNode nn = ns.addObject();
      nn.put("property", note.property());
      nn.put("text", note.text());
      if (note.afterApply() != null) {
        nn.set("afterApply", note.afterApply());
      }
    }
  }

  /** The layer, the base value it replaced and the group name of a desired value, where there are any. */
  private static void writeOrigin(ObjectNode pn, ValueOrigin origin) {
    if (origin == null) {
      return;
    }
    if (origin.groupName() != null) {
      pn.put("group", origin.groupName());
    }
    if (origin.userName() != null) {
      pn.put("user", origin.userName());
    }
    if (!origin.entries().isEmpty()) {
      ArrayNode names = pn.putArray("names");
      origin.entries().forEach(e -> names.addObject().put(e.kind(), e.name()).put("id", e.id()));
    }
    if (origin.layer() != null) {
      pn.put("layer", origin.layer());
    }
    ValueOrigin.Overridden o = origin.overrode();
    if (o != null) {
      ObjectNode on = pn.putObject("overrides");
      on.put("layer", o.layer());
      on.put("source", o.at() == null ? null : o.at().toString());
      on.set("value", o.value() == null ? F.nullNode() : o.value());
    }
  }

  /** The properties a change moves, as plans show them: none for a delete (it shows what it removes). */
  public static List<PropertyChange> properties(Change c) {
    if (c instanceof Create cr) {
      return cr.properties();
    }
    if (c instanceof Update u) {
      return u.properties();
    }
    return c instanceof Invoke i ? i.properties() : List.of();
  }

  /** Why the tool plans a change beyond "the YAML says so" (a prune's reset, a rollback), where it says. */
  public static java.util.Optional<String> reason(Change c) {
    if (c instanceof Update u) {
      return java.util.Optional.ofNullable(u.reason());
    }
    return c instanceof Invoke i ? java.util.Optional.ofNullable(i.reason()) : java.util.Optional.empty();
  }
}
