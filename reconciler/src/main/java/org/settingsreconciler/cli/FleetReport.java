package org.settingsreconciler.cli;

import org.settingsreconciler.text.Plural;
import java.util.List;
import org.settingsreconciler.run.PlanCounts;
import org.settingsreconciler.run.fleet.FleetOutcome;
import org.settingsreconciler.run.fleet.TenantOutcome;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * How a fleet run prints: each tenant's section (what the command printed for it, under a heading naming the
 * tenant) as soon as it and the tenants before it are done, then a summary table of every tenant's exit code and
 * plan counts, from the tenants' typed outcomes. A tenant's stderr goes to stderr, each line led by the tenant's name.
 * With {@code --format json} stdout is one JSON document holding each tenant's own JSON (made from its outcome, not
 * from what it printed), so it stays machine-readable.
 */
final class FleetReport {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final CliContext ctx;
  private final OutputFormat format;
  private final ArrayNode jsonTenants = F.arrayNode();

  FleetReport(CliContext ctx, OutputFormat format) {
    this.ctx = ctx;
    this.format = format;
  }

  /**
   * One tenant's section.
   *
   * @param out what it printed on stdout; {@code err} on stderr
   * @param json its outcome as JSON, with {@code --format json}; null when it has none
   */
  void section(TenantOutcome<?> o, String out, String err, JsonNode json) {
    String id = o.tenantId() == null ? "" : " (" + o.tenantId() + ")";
    switch (format) {
      case json -> jsonTenants.add(json(o, json));
      case markdown -> ctx.out().print("# Tenant " + o.name() + id + "\n\n" + out
          + (out.isEmpty() || out.endsWith("\n") ? "" : "\n") + "\n");
      default -> {
        ctx.out().println("=== Tenant " + o.name() + id + " ===");
        ctx.out().print(out);
        ctx.out().println();
      }
    }
    for (String line : err.split("\\R")) {
      if (!line.isEmpty()) {
        ctx.err().println("[" + o.name() + "] " + line);
      }
    }
  }

  void summary(FleetOutcome<?> fleet) {
    List<? extends TenantOutcome<?>> outcomes = fleet.tenants();
    int exit = fleet.exit();
    String why = "exit code " + exit + ", the worst of the tenants (1 error, then 2 changes or drift, then 0)";
    switch (format) {
      case json -> {
        ObjectNode root = F.objectNode();
        root.set("tenants", jsonTenants);
        ObjectNode summary = root.putObject("summary");
        summary.put("tenants", outcomes.size());
        summary.put("exitCode", exit);
        ctx.out().println(PlanPrinter.JSON.writeValueAsString(root));
      }
      case markdown -> {
        ctx.out().println("# Fleet summary\n");
        ctx.out().println("| tenant | exit | create | update | delete | actions | could not be read |");
        ctx.out().println("|---|---:|---:|---:|---:|---:|---:|");
        for (TenantOutcome<?> o : outcomes) {
          PlanCounts c = o.counts();
          ctx.out().println("| `" + o.name().replace("`", "'") + "` | " + o.exit() + " | " + count(c, 0) + " | "
              + count(c, 1) + " | " + count(c, 2) + " | " + count(c, 3) + " | " + count(c, 4) + " |");
        }
        ctx.out().println("\n" + Character.toUpperCase(why.charAt(0)) + why.substring(1) + ".");
      }
      default -> {
        ctx.out().println("=== Summary: " + Plural.count(outcomes.size(), "tenant") + " ===");
        int width = Math.max(6, outcomes.stream().mapToInt(o -> o.name().length()).max().orElse(6));
        String row = "%-" + width + "s  %4s  %6s  %6s  %6s  %7s  %7s%n";
        ctx.out().printf(row, "tenant", "exit", "create", "update", "delete", "actions", "unknown");
        for (TenantOutcome<?> o : outcomes) {
          PlanCounts c = o.counts();
          ctx.out().printf(row, o.name(), o.exit(), count(c, 0), count(c, 1), count(c, 2), count(c, 3),
              count(c, 4));
        }
        ctx.out().println(Character.toUpperCase(why.charAt(0)) + why.substring(1) + ".");
      }
    }
  }

  /** A plan count, or "-" when the tenant made no plan. */
  private static String count(PlanCounts c, int which) {
    if (c == null) {
      return "-";
    }
    long n = switch (which) {
      case 0 -> c.create();
      case 1 -> c.update();
      case 2 -> c.delete();
      case 3 -> c.invoke();
      default -> c.unknown();
    };
    return String.valueOf(n);
  }

  private static ObjectNode json(TenantOutcome<?> o, JsonNode json) {
    ObjectNode n = F.objectNode();
    n.put("tenant", o.name());
    n.put("tenantId", o.tenantId());
    n.put("exitCode", o.exit());
    PlanCounts c = o.counts();
    if (c == null) {
      n.putNull("counts");
    } else {
      ObjectNode counts = n.putObject("counts");
      counts.put("create", c.create());
      counts.put("update", c.update());
      counts.put("delete", c.delete());
      counts.put("invoke", c.invoke());
      counts.put("unknown", c.unknown());
    }
    // The tenant's own JSON document, as its run printed it; null when it printed none (it failed before).
    JsonNode result = json == null ? F.nullNode() : json;
    n.set("result", result);
    return n;
  }
}
