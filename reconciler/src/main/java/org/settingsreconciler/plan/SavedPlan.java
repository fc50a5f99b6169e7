package org.settingsreconciler.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.settingsreconciler.graph.VersionChoice;
import org.settingsreconciler.tenant.TenantIdentity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What {@code plan --out} saves and {@code apply --plan} applies: a sealed record of the reviewed changes and of
 * the tenant they were planned for. Its own versioned format, apart from what {@code plan --format json} shows, so
 * that changing what a reader sees cannot change what apply trusts.
 *
 * <p>Sealed means: a digest over everything else in the file (an edit by hand, or a file cut short, is refused
 * before anything is read from the tenant); every change checked against the descriptors ({@link SavedChange}); and
 * the tenant id and Graph root compared with the run that applies it ({@link #mismatches}).
 *
 * @param tool the tool and version that made the plan
 * @param secretValues the secret values the changes hold (values of variables that look like secrets), so that the
 *     run applying the plan masks them in everything it prints and reports, as the run that planned it did; they
 *     are in the bodies anyway, since apply sends them
 */
public record SavedPlan(
    TenantIdentity tenant, String tool, Instant createdAt, List<Change> changes, List<String> secretValues) {

  /**
   * Version 1 was the display JSON itself, bound to no tenant; version 2 held paths relative to {@code /beta}, where
   * the tool then sent everything. Both are refused, with a word to plan again.
   */
  public static final int FORMAT_VERSION = 3;

  static final String KIND = "settings-reconciler saved plan";

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final JsonMapper CANONICAL = JsonMapper.builder().build();
  /** How the file is written: indented, for the reviewer who reads it before it is applied. */
  private static final JsonMapper FILE = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  public SavedPlan {
    changes = List.copyOf(changes);
    secretValues = List.copyOf(secretValues);
  }

  public ObjectNode toJson() {
    ObjectNode root = F.objectNode();
    root.put("kind", KIND);
    root.put("formatVersion", FORMAT_VERSION);
    root.put("tool", tool);
    root.put("createdAt", createdAt.toString());
    root.set("tenant", PlanJson.tenant(tenant));
    ArrayNode list = root.putArray("changes");
    changes.forEach(c -> list.add(SavedChange.write(c)));
    ArrayNode secrets = root.putArray("secretValues");
    secretValues.forEach(secrets::add);
    root.put("digest", digest(root));
    return root;
  }

  /** The file's text, as {@code plan --out} writes it. */
  public String text() {
    return FILE.writeValueAsString(toJson()) + "\n";
  }

  /** Reads a saved plan back; throws IllegalArgumentException saying what is wrong and what to do. */
  public static SavedPlan read(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("not a saved plan (expected a JSON object)");
    }
    if (!KIND.equals(root.path("kind").asString(null))) {
      JsonNode version = root.get("formatVersion");
      throw new IllegalArgumentException(version != null && version.asInt() == 1
          ? "this is a plan of format 1, which names no tenant: plan again with this version (plan --out FILE)"
          : "not a saved plan (made by plan --out FILE)");
    }
    JsonNode version = root.get("formatVersion");
    if (version == null || !version.isInt()) {
      throw new IllegalArgumentException("the saved plan's formatVersion is " + version + ", not a whole number: "
          + "plan again with this version");
    }
    if (version.asInt() != FORMAT_VERSION) {
      throw new IllegalArgumentException("saved plan format " + version + " is not the one this version reads ("
          + FORMAT_VERSION + "): plan again with this version");
    }
    JsonNode digest = root.get("digest");
    if (digest == null || !digest.isString() || !digest.asString().equals(digest((ObjectNode) root))) {
      throw new IllegalArgumentException("the plan file was changed after it was saved (its digest does not match); "
          + "a saved plan is applied only as reviewed: plan again");
    }
    JsonNode t = root.get("tenant");
    if (t == null || !t.isObject() || !t.path("graphRoot").isString()) {
      throw new IllegalArgumentException("the saved plan names no Graph root");
    }
    TenantIdentity tenant = new TenantIdentity(
        optionalText(t, "id"), optionalText(t, "displayName"), t.get("graphRoot").asString(),
        optionalText(t, "signedInAs"));
    Instant createdAt;
    try {
      createdAt = Instant.parse(root.path("createdAt").asString(""));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("the saved plan has no valid createdAt");
    }
    JsonNode changes = root.get("changes");
    if (changes == null || !changes.isArray()) {
      throw new IllegalArgumentException("a saved plan needs a changes array");
    }
    List<Change> out = new ArrayList<>();
    // The paths are checked against the root the plan is bound to; apply refuses a plan bound to another root than
    // its own (see mismatches), so they go where this run's root sends them.
    VersionChoice versions = VersionChoice.ofRoot(tenant.graphRoot());
    for (JsonNode n : changes) {
      out.add(SavedChange.read(n, versions, tenant.tenantId()));
    }
    checkDistinct(out);
    checkDependencies(out);
    List<String> secretValues = strings(root, "secretValues");
    String text = changesText(out);
    for (String secret : secretValues) {
      String escaped = F.stringNode(secret).toString();
      if (!text.contains(secret) && !text.contains(escaped.substring(1, escaped.length() - 1))) {
        throw new IllegalArgumentException("\"secretValues\" holds a value that no change holds: it could only mask "
            + "something else this run prints, such as the tenant's name; the plan file was edited");
      }
    }
    return new SavedPlan(tenant, optionalText(root, "tool"), createdAt, out, secretValues);
  }

  /**
   * The text a plan's secret values are found in: its changes, as saved. What apply prints of a saved plan comes from
   * them and from the tenant, so no other value needs masking; and a value not in them would only mask something
   * else, such as the name of the tenant being written to.
   */
  public static String changesText(List<Change> changes) {
    ArrayNode list = F.arrayNode();
    changes.forEach(c -> list.add(SavedChange.write(c)));
    return CANONICAL.writeValueAsString(list);
  }

  /**
   * A plan sends one request per object: a PATCH, DELETE or action goes to a path once (a reset then a delete of one
   * item are two methods), an item is created once, by no other change of it, and no two actions set one property of
   * one item. Two creates of one interest would make
   * it twice, and the stale-plan check cannot see that: neither exists yet. Paths and keys are compared ignoring
   * case, as Graph reads user principal names, ids and these keys.
   */
  private static void checkDistinct(List<Change> changes) {
    Set<String> requests = new HashSet<>();
    Set<String> creates = new HashSet<>();
    Set<String> others = new HashSet<>();
    Set<String> actionEffects = new HashSet<>();
    for (Change c : changes) {
      String item = itemOf(c);
      if (c instanceof Invoke i && !actionEffects.add(item + "\n" + i.spec().property())) {
        // Two actions on one property of one item (block and unblock) undo each other: no plan makes both.
        throw new IllegalArgumentException(c.address() + ": the plan sets " + i.spec().property() + " by two "
            + "actions; the plan file was edited");
      }
      if (c instanceof Create) {
        if (!creates.add(item) || others.contains(item)) {
          throw new IllegalArgumentException(c.address() + ": the plan creates this item twice, or also changes it; "
              + "the plan file was edited");
        }
        continue;
      }
      others.add(item);
      String request = c.method() + " " + c.path().toLowerCase(Locale.ROOT);
      if (!requests.add(request) || creates.contains(item)) {
        throw new IllegalArgumentException(c.address() + ": the plan sends " + c.method() + " " + c.path()
            + (creates.contains(item) ? " to an item it also creates" : " twice") + "; the plan file was edited");
      }
    }
  }

  /**
   * A change depends only on changes listed before it, and not on its own address (whose earlier changes it follows
   * anyway): apply sends a change after what it depends on, and a plan lists them in that order.
   */
  private static void checkDependencies(List<Change> changes) {
    Set<String> earlier = new HashSet<>();
    for (Change c : changes) {
      for (String address : c.dependsOn()) {
        String key = ChangeOrder.objectKey(address);
        if (key.equals(ChangeOrder.objectKey(c.address())) || !earlier.contains(key)) {
          throw new IllegalArgumentException(c.address() + ": it depends on " + address + ", which no change before "
              + "it in the plan is; the plan file was edited");
        }
      }
      earlier.add(ChangeOrder.objectKey(c.address()));
    }
  }

  /** The object a change is of, with its key the way the tool matches it ("Travel" and "travel" are one interest). */
  private static String itemOf(Change c) {
    var id = c.resource();
    var key = id.descriptor().key();
    return id.scopeAddress().toLowerCase(Locale.ROOT) + "\n"
        + (key == null ? id.key() : key.matchForm(id.key()));
  }

  private static List<String> strings(JsonNode root, String field) {
    JsonNode list = root.get(field);
    if (list == null || list.isNull()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    if (list.isArray()) {
      for (JsonNode v : list) {
        if (v.isString()) {
          out.add(v.asString());
          continue;
        }
        throw new IllegalArgumentException("\"" + field + "\" must be a list of strings");
      }
      return out;
    }
    throw new IllegalArgumentException("\"" + field + "\" must be a list of strings");
  }

  /**
   * Why this plan must not be applied through {@code current}: another Graph root, or another tenant. A plan that
   * names its tenant is applied only where the tenant can be told and is the same; one that names none, only where
   * the tenant cannot be told either.
   */
  public List<String> mismatches(TenantIdentity current) {
    List<String> out = new ArrayList<>();
    if (!TenantIdentity.sameRoot(tenant.graphRoot(), current.graphRoot())) {
      boolean versionOnly = TenantIdentity.sameRoot(
          VersionChoice.withoutVersion(tenant.graphRoot()), VersionChoice.withoutVersion(current.graphRoot()));
      out.add("the plan was made against " + root(tenant) + ", this run talks to " + root(current)
          + (versionOnly ? " (the two send settings to different Graph versions: apply with the --graph-url the plan "
              + "was made with)" : ""));
    }
    if (tenant.tenantId() == null) {
      // Made where the tenant could not be told: nothing shows it was this one, which can be told.
      if (current.tenantId() != null) {
        out.add("the plan was made where the tenant could not be told (the token named none and /organization could "
            + "not be read), so it cannot be shown to be for " + current.tenant() + ", which this run signed in to: "
            + "plan again here");
      }
    } else {
      if (current.tenantId() == null) {
        out.add("the plan is for " + tenant.tenant() + ", and this run cannot tell which tenant it signed in to "
            + "(the token names none and /organization could not be read)");
      } else if (!tenant.tenantId().equalsIgnoreCase(current.tenantId())) {
        out.add("the plan is for " + tenant.tenant() + ", but this run signed in to " + current.tenant());
      }
    }
    return out;
  }

  private static String root(TenantIdentity t) {
    return t.sandbox() ? "the built-in sandbox" : t.graphRoot();
  }

  private static String optionalText(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v != null && v.isString() ? v.asString() : null;
  }

  /** SHA-256 over the document without its digest, keys sorted, so that formatting does not matter. */
  static String digest(ObjectNode root) {
    ObjectNode copy = root.deepCopy();
    copy.remove("digest");
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] bytes = CANONICAL.writeValueAsString(canonical(copy)).getBytes(StandardCharsets.UTF_8);
      return "sha256:" + HexFormat.of().formatHex(sha.digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  private static JsonNode canonical(JsonNode n) {
    if (n.isObject()) {
      Map<String, JsonNode> sorted = new TreeMap<>();
      n.properties().forEach(e -> sorted.put(e.getKey(), canonical(e.getValue())));
      ObjectNode out = F.objectNode();
      sorted.forEach(out::set);
      return out;
    }
    if (n.isArray()) {
      ArrayNode out = F.arrayNode();
      n.forEach(item -> out.add(canonical(item)));
      return out;
    }
    return n;
  }
}
