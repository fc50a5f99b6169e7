package org.settingsreconciler.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.settingsreconciler.cli.CliContext;
import org.settingsreconciler.cli.Main;
import org.settingsreconciler.cli.Terminal;
import org.settingsreconciler.sandbox.GraphSandbox;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The benchmark's data, made on the fly: the demo tenant's settings (every singleton, policy setting and tenant
 * collection) plus N users with five interests each, and desired-state YAML for the users that keeps those five and
 * adds one new interest per user, so a plan has N creates.
 */
final class BenchTenant {

  static final int INTERESTS = 5;

  private BenchTenant() {}

  static String upn(int i) {
    return String.format("user%05d@bench.example", i);
  }

  static ObjectNode seed(int users) {
    ObjectNode seed = (ObjectNode) GraphSandbox.demoTenant();
    ObjectNode all = seed.putObject("users");
    for (int u = 1; u <= users; u++) {
      ObjectNode user = all.putObject(upn(u));
      user.put("id", String.format("00000000-0000-4000-8000-%012d", u));
      user.put("displayName", "Bench User " + u);
      ArrayNode interests = user.putArray("interests");
      for (int k = 1; k <= INTERESTS; k++) {
        ObjectNode interest = interests.addObject();
        interest.put("id", String.format("%08d-0000-4000-8000-%012d", k, u));
        interest.put("displayName", "Topic " + k);
        interest.putArray("categories").add("Bench");
        interest.put("description", "Interest " + k + " of user " + u);
        interest.put("allowedAudiences", "organization");
      }
    }
    return seed;
  }

  /** A users section for users {@code from} to {@code to}: each one's five interests as they are, and one new one. */
  static String usersYaml(int from, int to) {
    StringBuilder b = new StringBuilder("users:\n");
    for (int u = from; u <= to; u++) {
      b.append("  ").append(upn(u)).append(":\n    interests:\n");
      for (int k = 1; k <= INTERESTS; k++) {
        b.append("      Topic ").append(k).append(":\n        categories: [Bench]\n        description: Interest ")
            .append(k).append(" of user ").append(u).append('\n');
      }
      b.append("      Benchmarking:\n        categories: [Bench]\n        description: created by the benchmark\n");
    }
    return b.toString();
  }

  /**
   * {@code at}/desired: the tenant-wide settings as exported from {@code sandbox} (so they plan to no changes), and
   * every user's interests plus one new one, a thousand users a file (the loader refuses files over 4 MiB, and big
   * tenants split them anyway).
   */
  static Path desiredState(GraphSandbox sandbox, Path at, int users) throws IOException {
    Path desired = Files.createDirectories(at.resolve("desired"));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = new Main(new CliContext(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("RECONCILER_ACCESS_TOKEN", "b"),
        Terminal.none())).run("export", "--graph-url", sandbox.baseUrl().toString(), "--out",
        desired.resolve("00-tenant.yaml").toString());
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    for (int from = 1; from <= users; from += 1000) {
      int to = Math.min(users, from + 999);
      Files.writeString(desired.resolve(String.format("users-%06d.yaml", from)), usersYaml(from, to));
    }
    return desired;
  }
}
